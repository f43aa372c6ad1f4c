/// What the progress line shows at one moment.
struct LoadProgress: Sendable {
    var active: Int
    /// Measured sessions ended so far.
    var ended: Int
    var commands: Int
    var errors: Int
    /// Whole-session latency percentiles, microseconds.
    var p50: UInt64?
    var p99: UInt64?
}
