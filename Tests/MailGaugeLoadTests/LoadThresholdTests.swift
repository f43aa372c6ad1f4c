import Foundation
import MailGaugeLoad
import MailGaugeReport
import MailGaugeResult
import MailGaugeScenario
import Testing

/// `bench --max-p99 / --max-error-rate / --min-throughput`: limits CI can gate on.
struct LoadThresholdTests {
    private static func load(p99 micros: UInt64, passed: Int, failed: Int, seconds: Double) -> LoadResult {
        let distribution = LatencyDistribution(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, significantDigits: 3, count: 1,
                                               percentiles: .init(p50: micros, p90: micros, p99: micros, p999: micros, max: micros), mean: Double(micros),
                                               buckets: [[micros, 1]])
        return LoadResult(
            scenario: "imap-login.scn",
            model: LoadModel(kind: .closed, concurrency: 5, ratePerSecond: nil, thinkTimeSeconds: 0, rampSeconds: 0, warmupSeconds: 0,
                             durationSeconds: seconds, iterations: nil, hardCapSeconds: 3600, accounts: 5),
            check: .full, measuredFrom: Date(timeIntervalSince1970: 0), measuredSeconds: seconds, stoppedBy: .duration,
            sessions: SessionCounts(passed: passed, failed: failed), phases: [.session: distribution], commands: ["LOGIN": distribution],
            series: [], errors: [:], generator: GeneratorUsage(cpuSeconds: 1, cpuSecondsPer1000Sessions: 1, peakRSSBytes: 1, peakActiveSessions: 5))
    }

    @Test(arguments: [("LOGIN=50ms", 40_000, true), ("LOGIN=50ms", 60_000, false), ("session=1s", 999_999, true),
                      ("login=800us", 900, false), ("NOOP=1s", 10, false)])
    func p99Limits(text: String, observed: UInt64, passes: Bool) throws {
        let threshold = try #require(LoadThreshold.maxP99(text))
        #expect(threshold.evaluate(Self.load(p99: observed, passed: 100, failed: 0, seconds: 10)).passed == passes)
    }

    @Test func errorRateAndThroughput() throws {
        let load = Self.load(p99: 1, passed: 999, failed: 1, seconds: 10)
        #expect(try #require(LoadThreshold.maxErrorRate("0.1%")).evaluate(load).passed)
        #expect(try #require(LoadThreshold.maxErrorRate("0.05")).evaluate(load).passed == false)
        #expect(try #require(LoadThreshold.minThroughput("99/s")).evaluate(load).passed)
        #expect(try #require(LoadThreshold.minThroughput("101")).evaluate(load).observed == "99.9 sessions/s")
    }

    @Test(arguments: ["LOGIN", "=5ms", "LOGIN=fast", "LOGIN=-1ms"])
    func malformedLimitsAreRefused(text: String) {
        #expect(LoadThreshold.maxP99(text) == nil)
    }

    /// The text summary lists every threshold, met ones too.
    @Test func theTextSummaryMarksEachThreshold() {
        var load = Self.load(p99: 60_000, passed: 10, failed: 0, seconds: 1)
        load.thresholds = [LoadThreshold.maxP99("LOGIN=50ms")!, LoadThreshold.minThroughput("5/s")!].map { $0.evaluate(load) }
        let text = LoadTextReport.render(load)
        #expect(text.contains("threshold ✗ p99 LOGIN <= 50.0ms, measured 60.0ms\n"))
        #expect(text.contains("threshold ✓ throughput >= 5.0 sessions/s, measured 10.0 sessions/s\n"))
    }

    @Test func junitHasATestcasePerThreshold() {
        var load = Self.load(p99: 60_000, passed: 10, failed: 0, seconds: 1)
        load.thresholds = [LoadThreshold.maxP99("LOGIN=50ms")!, LoadThreshold.minThroughput("5/s")!].map { $0.evaluate(load) }
        let result = RunResult(tool: ToolInfo(version: "t"), commandLine: [], target: "imap://127.0.0.1:1", startedAt: Date(),
                               finishedAt: Date(), scenarios: [], load: load)
        let xml = JUnitReport.render(result)
        // The thresholds and "no measured session failed", counted at the root too.
        #expect(xml.contains(#"<testsuites name="mailgauge" tests="3" failures="1""#))
        #expect(xml.contains(#"<testsuite name="bench" tests="3" failures="1""#))
        #expect(xml.contains(#"<testcase name="no measured session failed" classname="bench"/>"#))
        #expect(xml.contains(#"<testcase name="p99 LOGIN &lt;= 50.0ms" classname="bench">"#))
        #expect(xml.contains(#"<failure message="measured 60.0ms" type="threshold"/>"#))
        #expect(xml.contains(#"<testcase name="throughput &gt;= 5.0 sessions/s" classname="bench"/>"#))
    }
}

/// A `--max-p99` name the run could never measure is refused before the run: it used to end
/// as "measured not measured" after it.
struct UnmeasurableThresholdTests {
    private let scenario = try! ScenarioParser { _ in
        "@protocol imap\nS: * OK {*}\nC: LOGIN ${user} ${password}\nS: OK {*}\nC: UID FETCH 1:* FLAGS\nS: OK {*}\n"
    }.parse(path: "load.scn")

    @Test(arguments: ["session", "TCP-CONNECT", "login", "UID FETCH", "uid fetch"])
    func aPhaseOrACommandTheScenarioSendsIsMeasurable(name: String) {
        #expect(LoadThreshold.maxP99("\(name)=1ms")?.unmeasurable(in: scenario) == nil)
    }

    @Test func anyOtherNameIsRefusedNamingWhatIsMeasured() {
        let refusal = LoadThreshold.maxP99("SELECT=1ms")?.unmeasurable(in: scenario)
        #expect(refusal == "--max-p99 SELECT: neither a phase (tcp-connect, tls-handshake, greeting, authentication, logout, session) nor a command load.scn sends (LOGIN, UID FETCH)")
        #expect(LoadThreshold.maxErrorRate("1%")?.unmeasurable(in: scenario) == nil)
    }
}
