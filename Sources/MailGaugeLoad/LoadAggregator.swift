import MailGaugeResult
import NIOConcurrencyHelpers

/// Where every session's measurement ends up. Sessions finish on many tasks; one lock keeps
/// the figures consistent, and recording is a few histogram increments, so it never queues.
final class LoadAggregator: Sendable {
    struct Figures: Sendable {
        var latencies = LatencyRecorder()
        var series = ThroughputSeries()
        var errors: [ErrorKind: ErrorTally] = [:]
        var sessions = SessionCounts()
        var active = 0
        var peakActive = 0
        var commands = 0
    }

    private let figures = NIOLockedValueBox(Figures())
    private let measuredFrom: ContinuousClock.Instant

    init(measuredFrom: ContinuousClock.Instant) {
        self.measuredFrom = measuredFrom
    }

    func sessionStarted() {
        figures.withLockedValue {
            $0.active += 1
            $0.peakActive = max($0.peakActive, $0.active)
        }
    }

    /// Files a session that ran to its end; one that ended during the warm-up only counts as such.
    func sessionEnded(_ measurement: SessionMeasurement) {
        let second = Int(measuredFrom.duration(to: measurement.ended).seconds.rounded(.down))
        figures.withLockedValue {
            $0.active -= 1
            guard measurement.ended >= measuredFrom else {
                $0.sessions.warmup += 1
                return
            }
            $0.latencies.add(measurement)
            $0.series.add(measurement, second: second)
            $0.commands += measurement.commands.count
            if let error = measurement.error {
                $0.sessions.failed += 1
                $0.errors[error.kind, default: ErrorTally()].add(error.example)
            } else {
                $0.sessions.passed += 1
            }
        }
    }

    /// A session cut short by SIGINT or the hard cap: counted, never measured.
    func sessionInterrupted() {
        figures.withLockedValue {
            $0.active -= 1
            $0.sessions.interrupted += 1
        }
    }

    func snapshot() -> Figures { figures.withLockedValue { $0 } }

    /// The few numbers the progress line shows, without copying the histograms.
    func progress() -> LoadProgress {
        figures.withLockedValue {
            let session = $0.latencies.phases[.session]
            return LoadProgress(active: $0.active, ended: $0.sessions.measured, commands: $0.commands,
                                errors: $0.sessions.failed, p50: session?.percentile(50), p99: session?.percentile(99))
        }
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
