import Foundation
import MailGaugeResult

/// Prints where a run stands: a line rewritten in place on a terminal, a plain line per
/// period otherwise (CI logs), nothing with `--quiet`.
public struct ProgressReporter: Sendable {
    public enum Style: Sendable {
        case live
        case periodic
    }

    public var style: Style
    public var interval: Duration
    private let write: @Sendable (String) -> Void

    public init(style: Style, interval: Duration, write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.interval = interval
        self.write = write
    }

    /// Reports until cancelled.
    func run(_ aggregator: LoadAggregator, since start: ContinuousClock.Instant, total: Duration?) async {
        var last = (at: start, ended: 0, commands: 0)
        while (try? await Task.sleep(for: interval)) != nil {
            let now = ContinuousClock.now
            let progress = aggregator.progress()
            let span = max(last.at.duration(to: now).seconds, 1e-3)
            let line = Self.line(progress, elapsed: start.duration(to: now), total: total,
                                 sessionsPerSecond: Double(progress.ended - last.ended) / span,
                                 commandsPerSecond: Double(progress.commands - last.commands) / span)
            write(style == .live ? "\r\u{1B}[2K" + line : line + "\n")
            last = (now, progress.ended, progress.commands)
        }
        if style == .live { write("\n") }
    }

    static func line(_ progress: LoadProgress, elapsed: Duration, total: Duration?, sessionsPerSecond: Double,
                     commandsPerSecond: Double) -> String {
        let time = total.map { "\(Int(elapsed.seconds))/\(Int($0.seconds))s" } ?? "\(Int(elapsed.seconds))s"
        let latency = progress.p50.map { "p50 \(LatencyDistribution.milliseconds($0)) p99 \(LatencyDistribution.milliseconds(progress.p99 ?? 0))" } ?? "p50 - p99 -"
        return "\(time)  active \(progress.active)  \(String(format: "%.0f", sessionsPerSecond)) sessions/s  "
            + "\(String(format: "%.0f", commandsPerSecond)) commands/s  \(latency)  errors \(progress.errors)"
    }
}
