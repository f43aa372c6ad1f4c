/// How many sessions a load run started and how they ended.
public struct SessionCounts: Sendable, Codable, Equatable {
    /// Measured sessions that passed every check.
    public var passed: Int
    /// Measured sessions that failed or could not connect (see `LoadResult.errors`).
    public var failed: Int
    /// Sessions cut short by SIGINT or the hard cap: in neither figure.
    public var interrupted: Int
    /// Sessions that ended during the warm-up: in no figure.
    public var warmup: Int

    public init(passed: Int = 0, failed: Int = 0, interrupted: Int = 0, warmup: Int = 0) {
        self.passed = passed
        self.failed = failed
        self.interrupted = interrupted
        self.warmup = warmup
    }

    public var measured: Int { passed + failed }
}
