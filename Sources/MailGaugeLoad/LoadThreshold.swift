import MailGaugeResult
import MailGaugeScenario

/// A limit a load run must stay within for CI to pass it.
public enum LoadThreshold: Sendable, Equatable {
    /// `--max-p99 NAME=DURATION`: the p99 of a command verb (`LOGIN`) or phase (`session`).
    case maxP99(name: String, microseconds: UInt64)
    /// `--max-error-rate PERCENT`: failed sessions over all measured sessions.
    case maxErrorRate(percent: Double)
    /// `--min-throughput R[/s]`: measured sessions per second.
    case minThroughput(sessionsPerSecond: Double)

    /// Parses `LOGIN=50ms`, `session=1.5s`, `FETCH=800us`.
    public static func maxP99(_ text: String) -> LoadThreshold? {
        let parts = text.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, let micros = microseconds(parts[1]) else { return nil }
        return .maxP99(name: String(parts[0]), microseconds: micros)
    }

    /// Parses `0.1%` or `0.1`.
    public static func maxErrorRate(_ text: String) -> LoadThreshold? {
        guard let value = Double(text.hasSuffix("%") ? String(text.dropLast()) : text), (0...100).contains(value) else { return nil }
        return .maxErrorRate(percent: value)
    }

    /// Parses `100` or `100/s`.
    public static func minThroughput(_ text: String) -> LoadThreshold? {
        guard let value = Double(text.hasSuffix("/s") ? String(text.dropLast(2)) : text), value > 0 else { return nil }
        return .minThroughput(sessionsPerSecond: value)
    }

    private static func microseconds(_ text: Substring) -> UInt64? {
        for (suffix, factor) in [("ms", 1_000.0), ("us", 1.0), ("s", 1_000_000.0)] where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value > 0 else { return nil }
            return UInt64(value * factor)
        }
        return nil
    }

    /// Why this limit cannot be held for `scenario`, checked before the run: a `--max-p99`
    /// name that is neither a phase nor a command the scenario sends would end as "not
    /// measured" after the whole run. Nil when it can be measured.
    public func unmeasurable(in scenario: Scenario) -> String? {
        guard case .maxP99(let name, _) = self, LoadPhase(rawValue: name.lowercased()) == nil else { return nil }
        let verbs = ScenarioVerbs(scenario).verbs
        guard !verbs.contains(name.uppercased()) else { return nil }
        let phases = LoadPhase.allCases.map(\.rawValue).joined(separator: ", ")
        return "--max-p99 \(name): neither a phase (\(phases)) nor a command \(scenario.file) sends (\(verbs.sorted().joined(separator: ", ")))"
    }

    /// Holds the run to this limit. A name with no measurements fails: a typo must not pass.
    public func evaluate(_ load: LoadResult) -> ThresholdResult {
        switch self {
        case .maxP99(let name, let limit):
            let distribution = load.commands[name.uppercased()] ?? LoadPhase(rawValue: name.lowercased()).flatMap { load.phases[$0] }
            let name = "p99 \(name) <= \(Self.format(limit))"
            guard let observed = distribution?.percentiles.p99 else { return ThresholdResult(name: name, observed: "not measured", passed: false) }
            return ThresholdResult(name: name, observed: Self.format(observed), passed: observed <= limit)
        case .maxErrorRate(let percent):
            let total = load.sessions.passed + load.sessions.failed
            let rate = total == 0 ? 0 : Double(load.sessions.failed) * 100 / Double(total)
            return ThresholdResult(name: "error rate <= \(percent)%", observed: "\((rate * 1000).rounded() / 1000)%", passed: total > 0 && rate <= percent)
        case .minThroughput(let minimum):
            let rate = load.measuredSeconds > 0 ? Double(load.sessions.passed) / load.measuredSeconds : 0
            return ThresholdResult(name: "throughput >= \(minimum) sessions/s", observed: "\((rate * 10).rounded() / 10) sessions/s", passed: rate >= minimum)
        }
    }

    private static func format(_ microseconds: UInt64) -> String {
        microseconds >= 1_000_000 ? "\(Double(microseconds) / 1_000_000)s" : "\(Double(microseconds) / 1_000)ms"
    }
}
