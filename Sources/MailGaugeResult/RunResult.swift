import Foundation

/// Everything one `mailgauge` invocation found: the model every report reads.
///
/// It is the only thing written to JSON, so a result written today renders again tomorrow;
/// fields are only ever added, and `format` changes when a change is not backward compatible.
public struct RunResult: Sendable, Codable, Equatable {
    public static let currentFormat = "mailgauge-report/1"

    public var format = RunResult.currentFormat
    public var tool: ToolInfo
    /// The command line, with every secret replaced.
    public var commandLine: [String]
    public var target: String
    /// What the server said about itself; nil when no session got as far as a greeting.
    public var server: ServerInfo?
    public var startedAt: Date
    public var finishedAt: Date
    public var scenarios: [ScenarioResult]
    /// For `mailgauge check`: the suites run and how the failures compare with the baseline.
    public var conformance: ConformanceSummary?
    /// The figures of a `bench` run; nil for `run` and `check`.
    public var load: LoadResult?
    /// Why the run ended; set by `check` (nil in results written before it was).
    public var stop: RunStop?
    /// For `check`: whether the account was left as found.
    public var account: AccountCheck?

    public init(tool: ToolInfo, commandLine: [String], target: String, server: ServerInfo? = nil, startedAt: Date, finishedAt: Date,
                scenarios: [ScenarioResult], conformance: ConformanceSummary? = nil, load: LoadResult? = nil, stop: RunStop? = nil, account: AccountCheck? = nil) {
        self.tool = tool
        self.commandLine = commandLine
        self.target = target
        self.server = server
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.scenarios = scenarios
        self.conformance = conformance
        self.load = load
        self.stop = stop
        self.account = account
    }

    public func count(_ status: ScenarioResult.Status) -> Int {
        scenarios.filter { $0.status == status }.count
    }
}

public struct ToolInfo: Sendable, Codable, Equatable {
    public var name: String
    public var version: String

    public init(name: String = "mailgauge", version: String) {
        self.name = name
        self.version = version
    }
}
