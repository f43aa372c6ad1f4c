@testable import MailGaugeLoad
import MailGaugeResult
import Testing

/// Where a finished session is filed: warm-up sessions in no figure, the others in the
/// histograms, the per-second series and the error tallies.
struct LoadAggregatorTests {
    private static func measurement(ended: ContinuousClock.Instant, error: (ErrorKind, String)? = nil) -> SessionMeasurement {
        var measurement = SessionMeasurement(ended: ended)
        measurement.phases = [(.session, .milliseconds(5))]
        measurement.commands = [("NOOP", .milliseconds(1)), ("NOOP", .milliseconds(2))]
        measurement.bytesIn = 100
        measurement.error = error.map { (kind: $0.0, example: $0.1) }
        return measurement
    }

    @Test func warmupSessionsAreInNoFigure() {
        let start = ContinuousClock.now
        let aggregator = LoadAggregator(measuredFrom: start + .seconds(10))
        aggregator.sessionStarted()
        aggregator.sessionEnded(Self.measurement(ended: start))
        let figures = aggregator.snapshot()
        #expect(figures.sessions == SessionCounts(warmup: 1))
        #expect(figures.latencies.phases.isEmpty && figures.series.samples.isEmpty && figures.active == 0)
    }

    @Test func measuredSessionsFillEveryFigure() {
        let start = ContinuousClock.now
        let aggregator = LoadAggregator(measuredFrom: start)
        for _ in 0..<3 { aggregator.sessionStarted() }
        aggregator.sessionEnded(Self.measurement(ended: start + .milliseconds(100)))
        aggregator.sessionEnded(Self.measurement(ended: start + .milliseconds(2500), error: (.refusal(status: "NO", verb: "LOGIN"), "user1: refused")))
        aggregator.sessionInterrupted()
        let figures = aggregator.snapshot()
        #expect(figures.sessions == SessionCounts(passed: 1, failed: 1, interrupted: 1))
        #expect(figures.peakActive == 3)
        #expect(figures.latencies.commands["NOOP"]?.count == 4)
        #expect(figures.series.samples.map(\.sessions) == [1, 0, 1])
        #expect(figures.series.samples.map(\.errors) == [0, 0, 1])
        #expect(figures.errors[.refusal(status: "NO", verb: "LOGIN")] == ErrorTally(count: 1, examples: ["user1: refused"]))
    }
}
