import Foundation
import MailGaugeResult

/// A load result for people: throughput, latency percentiles per phase and per verb, errors
/// by kind with examples, and what the generator itself cost.
public enum LoadTextReport {
    public static func render(_ load: LoadResult) -> String {
        var out = ""
        let measured = load.sessions.measured
        let rate = load.measuredSeconds > 0 ? Double(measured) / load.measuredSeconds : 0
        out += "\(load.scenario): \(load.model.kind.rawValue) model, check \(load.check), stopped by \(load.stoppedBy.rawValue)\n"
        out += "sessions: \(measured) measured (\(load.sessions.passed) passed, \(load.sessions.failed) failed), "
            + "\(load.sessions.warmup) warm-up, \(load.sessions.interrupted) interrupted; "
            + String(format: "%.1f sessions/s over %.1fs", rate, load.measuredSeconds) + "\n"
        out += table("phase", LoadPhase.allCases.compactMap { phase in load.phases[phase].map { (phase.rawValue, $0) } })
        out += table("command", load.commands.sorted { $0.key < $1.key })
        for (kind, tally) in load.errors.sorted(by: { $0.key < $1.key }) {
            out += "error \(kind.rawValue): \(tally.count)\n"
            for example in tally.examples { out += "  e.g. \(example)\n" }
        }
        // Met and breached alike, so a CI log shows what the run was held to.
        for threshold in load.thresholds ?? [] {
            out += "threshold \(threshold.passed ? "✓" : "✗") \(threshold.name), measured \(threshold.observed)\n"
        }
        let generator = load.generator
        out += String(format: "generator: %.2f CPU s (%.3f per 1000 sessions), peak RSS %.1f MB, peak %ld sessions in flight\n",
                      generator.cpuSeconds, generator.cpuSecondsPer1000Sessions,
                      Double(generator.peakRSSBytes) / 1_048_576, generator.peakActiveSessions)
        return out
    }

    /// One row per `(name, distribution)`, in the order given.
    private static func table(_ title: String, _ rows: [(String, LatencyDistribution)]) -> String {
        guard !rows.isEmpty else { return "" }
        let width = max(title.count, rows.map(\.0.count).max() ?? 0)
        func cell(_ text: String) -> String { text.padding(toLength: 10, withPad: " ", startingAt: 0) }
        var out = title.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            + ["count", "p50", "p90", "p99", "p99.9", "max"].map(cell).joined() + "\n"
        for (name, distribution) in rows {
            let p = distribution.percentiles
            out += name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + cell(String(distribution.count))
                + [p.p50, p.p90, p.p99, p.p999, p.max].map { cell(LatencyDistribution.milliseconds($0)) }.joined() + "\n"
        }
        return out
    }
}
