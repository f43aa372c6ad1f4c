/// One pass/fail limit a `bench` run was held to (`--max-p99`, `--max-error-rate`,
/// `--min-throughput`), with what was measured, so CI reports show why a run failed.
public struct ThresholdResult: Sendable, Codable, Equatable {
    /// e.g. `p99 LOGIN <= 50ms`, `error rate <= 0.1%`, `throughput >= 100 sessions/s`.
    public var name: String
    /// The measured value, in the threshold's unit.
    public var observed: String
    public var passed: Bool

    public init(name: String, observed: String, passed: Bool) {
        self.name = name
        self.observed = observed
        self.passed = passed
    }
}
