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
    /// What ended the run.
    public var stoppedBy: LoadStopReason
    public var sessions: SessionCounts
    /// Keyed by phase (`session`, in the open model, from the session's intended start, so
    /// queueing counts).
    public var phases: [LoadPhase: LatencyDistribution]
    /// Keyed by command verb (`RETR`, `FETCH`, …).
    public var commands: [String: LatencyDistribution]
    /// One sample per second of the measured period.
    public var series: [ThroughputSample]
    /// Keyed by stable error kind.
    public var errors: [ErrorKind: ErrorTally]
    public var generator: GeneratorUsage
    /// The limits the run was held to, if any were given.
    public var thresholds: [ThresholdResult]?

    public init(scenario: String, model: LoadModel, check: CheckMode, measuredFrom: Date, measuredSeconds: Double,
                stoppedBy: LoadStopReason, sessions: SessionCounts, phases: [LoadPhase: LatencyDistribution],
                commands: [String: LatencyDistribution], series: [ThroughputSample], errors: [ErrorKind: ErrorTally],
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
