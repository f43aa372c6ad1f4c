import Foundation

/// The figures of one `mailgauge bench` run: latency distributions per phase and per command
/// verb, throughput per second, errors by kind, and how the load was made and checked.
///
/// Distributions are lossless (`LatencyDistribution.buckets`), so results from several
/// generator processes can be merged exactly later.
public struct LoadResult: Sendable, Codable, Equatable {
    public var scenario: String
    public var model: LoadModel
    public var check: CheckMode
    /// When measurement began, after the warm-up.
    public var measuredFrom: Date
    public var measuredSeconds: Double
    /// What ended the run: `duration`, `iterations`, `interrupt` (SIGINT) or `hard-cap`.
    public var stoppedBy: String
    public var sessions: SessionCounts
    /// Keyed by phase: `tcp-connect`, `tls-handshake`, `greeting`, `authentication`, `logout`,
    /// `session` (open model: from the session's intended start, so queueing counts).
    public var phases: [String: LatencyDistribution]
    /// Keyed by command verb (`RETR`, `FETCH`, …).
    public var commands: [String: LatencyDistribution]
    /// One sample per second of the measured period.
    public var series: [ThroughputSample]
    /// Keyed by stable error kind (`refused`, `timeout`, `tls`, `disconnect`, `grammar`,
    /// `unexpected-reply`, `-ERR PASS`, `NO LOGIN`, `BAD FETCH`, `other`).
    public var errors: [String: ErrorTally]
    public var generator: GeneratorUsage
    /// The limits the run was held to, if any were given.
    public var thresholds: [ThresholdResult]?

    public init(scenario: String, model: LoadModel, check: CheckMode, measuredFrom: Date, measuredSeconds: Double,
                stoppedBy: String, sessions: SessionCounts, phases: [String: LatencyDistribution],
                commands: [String: LatencyDistribution], series: [ThroughputSample], errors: [String: ErrorTally],
                generator: GeneratorUsage) {
        self.scenario = scenario
        self.model = model
        self.check = check
        self.measuredFrom = measuredFrom
        self.measuredSeconds = measuredSeconds
        self.stoppedBy = stoppedBy
        self.sessions = sessions
        self.phases = phases
        self.commands = commands
        self.series = series
        self.errors = errors
        self.generator = generator
    }
}
