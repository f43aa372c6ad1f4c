import Foundation
@testable import MailGaugeLoad
import MailGaugeReport
import MailGaugeResult
import Testing

/// `report merge`: results of two generator processes become the result of one.
struct LoadResultMergeTests {
    private static func samples(_ seed: UInt64, _ count: Int) -> [Duration] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return .microseconds(Int64(state >> 44) + 1)
        }
    }

    private static func distribution(_ samples: [Duration]) -> LatencyDistribution {
        var histogram = LatencyHistogram()
        samples.forEach { histogram.record($0) }
        return histogram.distribution
    }

    private static func result(_ samples: [Duration], startingAt start: Date, series: [ThroughputSample], errors: [ErrorKind: ErrorTally]) -> RunResult {
        let load = LoadResult(
            scenario: "imap-login.scn",
            model: LoadModel(kind: .closed, concurrency: 50, ratePerSecond: nil, thinkTimeSeconds: 0, rampSeconds: 0, warmupSeconds: 0,
                             durationSeconds: 10, iterations: nil, hardCapSeconds: 3600, accounts: 20),
            check: .full, measuredFrom: start, measuredSeconds: 10, stoppedBy: .duration,
            sessions: SessionCounts(passed: samples.count, failed: 1), phases: [.session: distribution(samples)],
            commands: ["LOGIN": distribution(samples)], series: series, errors: errors,
            generator: GeneratorUsage(cpuSeconds: 2, cpuSecondsPer1000Sessions: 0, peakRSSBytes: 40_000_000, peakActiveSessions: 50))
        return RunResult(tool: ToolInfo(version: "test"), commandLine: ["mailgauge", "bench"], target: "imap://127.0.0.1:1",
                         startedAt: start, finishedAt: start.addingTimeInterval(10), scenarios: [], load: load)
    }

    @Test func mergingTwoProcessesEqualsOneHistogramOfAllSamples() throws {
        let (first, second) = (Self.samples(1, 4000), Self.samples(2, 6000))
        let start = Date(timeIntervalSince1970: 1_764_300_000)
        let a = Self.result(first, startingAt: start, series: [ThroughputSample(second: 0, sessions: 10), ThroughputSample(second: 1, sessions: 20)],
                            errors: [.refusal(status: "NO", verb: "LOGIN"): ErrorTally(count: 2, examples: ["x", "y"])])
        let b = Self.result(second, startingAt: start.addingTimeInterval(1.2), series: [ThroughputSample(second: 0, sessions: 5)],
                            errors: [.refusal(status: "NO", verb: "LOGIN"): ErrorTally(count: 1, examples: ["z", "w"]), .timeout: ErrorTally(count: 1)])
        // Each generator process hands its result on as its JSON file: merged from what the
        // files hold, as `report merge` reads them.
        let written = try [a, b].map { try JSONReport.decode(try JSONReport.encode($0)) }
        let merged = try #require(try LoadResultMerge.merge(written).load)
        let whole = Self.distribution(first + second)
        #expect(merged.phases[.session] == whole)
        #expect(merged.commands["LOGIN"]?.percentiles == whole.percentiles)
        #expect(merged.phases[.session]?.count == 10_000)
        #expect(merged.sessions.passed == 10_000 && merged.sessions.failed == 2)
        // b began 1.2 s later: its second 0 is the merged run's second 1.
        #expect(merged.series.map(\.sessions) == [10, 25])
        #expect(merged.errors[.refusal(status: "NO", verb: "LOGIN")] == ErrorTally(count: 3, examples: ["x", "y", "z"]))
        #expect(merged.errors[.timeout]?.count == 1)
        #expect(merged.model.concurrency == 100)
        #expect(merged.generator.cpuSeconds == 4)
    }

    @Test func onlyBenchResultsMerge() {
        var notLoad = Self.result(Self.samples(3, 10), startingAt: Date(), series: [], errors: [:])
        notLoad.load = nil
        #expect(throws: LoadResultMerge.Failure.self) { try LoadResultMerge.merge([notLoad]) }
    }
}
