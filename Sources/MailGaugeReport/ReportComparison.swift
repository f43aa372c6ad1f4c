import MailGaugeResult

/// What changed between two results of the same suite: cases that changed status, and
/// which of those are regressions a CI job should fail on.
public struct ReportComparison: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        /// The scenario file, which identifies a case across runs.
        public var file: String
        public var title: String
        /// nil when the case is new (before) or gone (after).
        public var before: ScenarioResult.Status?
        public var after: ScenarioResult.Status?

        /// Worse than before: a case that passed (or is new) and now fails or errors.
        public var isRegression: Bool {
            guard let after, after == .failed || after == .error else { return false }
            return before != .failed && before != .error
        }
    }

    /// A load figure measured in both runs (`bench` results only).
    public struct LoadChange: Sendable, Equatable {
        /// e.g. `p99 session`, `p50 LOGIN`, `throughput`, `error rate`.
        public var name: String
        public var before: Double
        public var after: Double
        /// `ms`, `sessions/s` or `%`.
        public var unit: String
        public var isRegression: Bool

        /// The change relative to before, in percent.
        public var percentChange: Double { before == 0 ? (after == 0 ? 0 : 100) : (after - before) / before * 100 }
    }

    public var changes: [Change]
    public var loadChanges: [LoadChange]

    /// Conformance regressions and load figures that got worse beyond their allowance.
    public var regressions: [Change] { changes.filter(\.isRegression) }
    public var loadRegressions: [LoadChange] { loadChanges.filter(\.isRegression) }

    /// A latency percentile may grow by `maxLatencyIncrease` percent and throughput drop by
    /// `maxThroughputDrop` percent before it counts as a regression; the error rate may not
    /// grow by more than 0.1 percentage points.
    public init(base: RunResult, new: RunResult, maxLatencyIncrease: Double = 10, maxThroughputDrop: Double = 10) {
        loadChanges = Self.compareLoad(base.load, new.load, maxLatencyIncrease: maxLatencyIncrease, maxThroughputDrop: maxThroughputDrop)
        let before = Dictionary(base.scenarios.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.scenarios.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let files = (base.scenarios.map(\.file) + new.scenarios.map(\.file)).reduce(into: [String]()) { files, file in
            if !files.contains(file) { files.append(file) }
        }
        changes = files.compactMap { file in
            let (old, current) = (before[file], after[file])
            guard old?.status != current?.status else { return nil }
            return Change(file: file, title: current?.title ?? old?.title ?? file, before: old?.status, after: current?.status)
        }
    }

    private static func compareLoad(_ base: LoadResult?, _ new: LoadResult?, maxLatencyIncrease: Double, maxThroughputDrop: Double) -> [LoadChange] {
        guard let base, let new else { return [] }
        var changes: [LoadChange] = []
        // Phases in the order a session goes through them, then verbs by name.
        let measuredInBoth = LoadPhase.allCases.compactMap { phase in
            base.phases[phase].flatMap { old in new.phases[phase].map { (phase.rawValue, old, $0) } }
        } + base.commands.keys.sorted().compactMap { verb in
            base.commands[verb].flatMap { old in new.commands[verb].map { (verb, old, $0) } }
        }
        for (name, before, after) in measuredInBoth {
            for (label, old, current) in [("p50", before.percentiles.p50, after.percentiles.p50),
                                          ("p99", before.percentiles.p99, after.percentiles.p99)] {
                let (oldMS, newMS) = (Double(old) / 1000, Double(current) / 1000)
                changes.append(LoadChange(name: "\(label) \(name)", before: oldMS, after: newMS, unit: "ms",
                                          isRegression: oldMS > 0 && (newMS - oldMS) / oldMS * 100 > maxLatencyIncrease))
            }
        }
        let rate = { (load: LoadResult) in load.measuredSeconds > 0 ? Double(load.sessions.passed) / load.measuredSeconds : 0 }
        let (oldRate, newRate) = (rate(base), rate(new))
        changes.append(LoadChange(name: "throughput", before: oldRate, after: newRate, unit: "sessions/s",
                                  isRegression: oldRate > 0 && (oldRate - newRate) / oldRate * 100 > maxThroughputDrop))
        let errors = { (load: LoadResult) in
            let total = load.sessions.passed + load.sessions.failed
            return total == 0 ? 0 : Double(load.sessions.failed) * 100 / Double(total)
        }
        changes.append(LoadChange(name: "error rate", before: errors(base), after: errors(new), unit: "%",
                                  isRegression: errors(new) > errors(base) + 0.1))
        return changes
    }

    /// A plain-text table, regressions first.
    public func render() -> String {
        renderCases() + renderLoad()
    }

    private func renderLoad() -> String {
        guard !loadChanges.isEmpty else { return "" }
        var out = "\nload figure            before        after         change\n"
        for change in loadRegressions + loadChanges.filter({ !$0.isRegression }) {
            let mark = change.isRegression ? " REGRESSION" : ""
            out += change.name.padding(toLength: 23, withPad: " ", startingAt: 0)
            out += "\(Self.figure(change.before)) \(change.unit)".padding(toLength: 14, withPad: " ", startingAt: 0)
            out += "\(Self.figure(change.after)) \(change.unit)".padding(toLength: 14, withPad: " ", startingAt: 0)
            out += String(format: "%+.1f%%", change.percentChange) + mark + "\n"
        }
        out += "\(loadRegressions.count) load regressions\n"
        return out
    }

    private static func figure(_ value: Double) -> String {
        String(format: value >= 100 ? "%.0f" : "%.2f", value)
    }

    private func renderCases() -> String {
        guard !changes.isEmpty else { return "No case changed status.\n" }
        let ordered = regressions + changes.filter { !$0.isRegression }
        var out = "change      before   after    case\n"
        for change in ordered {
            let mark = change.isRegression ? "REGRESSION" : (change.after == nil ? "removed" : change.before == nil ? "added" : "changed")
            out += mark.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += (change.before?.rawValue ?? "-").padding(toLength: 9, withPad: " ", startingAt: 0)
            out += (change.after?.rawValue ?? "-").padding(toLength: 9, withPad: " ", startingAt: 0)
            out += "\(change.file) — \(change.title)\n"
        }
        out += "\(regressions.count) regressions, \(changes.count - regressions.count) other changes\n"
        return out
    }
}

import Foundation
