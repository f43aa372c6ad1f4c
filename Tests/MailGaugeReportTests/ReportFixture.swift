import Foundation
import MailGaugeResult
import MailGaugeWire

/// A run with one scenario of each status, fixed in every detail, so renderings are
/// byte-for-byte comparable with their golden files.
enum ReportFixture {
    static let result = RunResult(
        tool: ToolInfo(version: "0.1.0"),
        commandLine: ["mailgauge", "run", "Scenarios/pop3/list.scn", "--target", "pop3://127.0.0.1:21110", "--user", "user1"],
        target: "pop3://127.0.0.1:21110",
        server: server,
        startedAt: Date(timeIntervalSince1970: 1_764_300_000),
        finishedAt: Date(timeIntervalSince1970: 1_764_300_002.5),
        scenarios: [passed, failed, skipped, errored])

    static let server = ServerInfo(
        greeting: "+OK MailGauge reference POP3 server ready <4711.1764300000@localhost>",
        capabilities: ["TOP", "UIDL", "RESP-CODES", "PIPELINING", "IMPLEMENTATION MailGauge-Reference", "USER", "SASL PLAIN"],
        tls: TLSInfo(version: "TLSv1.3", certificate: CertificateInfo(
            subject: "CN=localhost, O=MailGauge", issuer: "CN=MailGauge Reference Server Test CA (INSECURE\\, test only), O=MailGauge",
            notAfter: Date(timeIntervalSince1970: 2_426_554_974))))

    static let passed = ScenarioResult(
        file: "Scenarios/pop3/list.scn", title: "LIST: the scan listing", references: ["RFC 1939 §5"], account: "user1",
        status: .passed, reason: nil,
        steps: [StepResult(location: "Scenarios/pop3/list.scn:7", connection: "main", command: "LIST 1", status: .passed,
                           expected: ["+OK 1 {number}"], actual: ["+OK 1 450"], mismatch: nil, findings: [], latencySeconds: 0.0012)],
        transcript: [TranscriptLine(connection: "main", direction: .client, text: "LIST 1"),
                     TranscriptLine(connection: "main", direction: .server, text: "+OK 1 450")],
        durationSeconds: 0.25)

    static let failed = ScenarioResult(
        file: "Scenarios/pop3/retr.scn", title: "RETR of a <dot-stuffed> message & more", references: ["RFC 1939 §3"], account: "user1",
        status: .failed, reason: "Scenarios/pop3/retr.scn:9: content line 2 differs",
        steps: [StepResult(location: "Scenarios/pop3/retr.scn:9", connection: "main", command: "RETR 2", status: .failed,
                           expected: ["+OK{*}", ".starts with one dot", "."], actual: ["+OK 488 octets", ".starts with one dot\\x07", "."],
                           mismatch: Mismatch(expectedLine: 1, actualLine: 1, message: "content line 2 differs"),
                           findings: [Finding(rule: "pop3.byte-stuffing", reference: "RFC 1939 §3", message: "a content line starting with '.' was not byte-stuffed",
                                              bytes: Array(".starts with one dot\u{07}\r\n".utf8))],
                           latencySeconds: 0.004)],
        transcript: [TranscriptLine(connection: "main", direction: .client, text: "PASS [REDACTED]"),
                     TranscriptLine(connection: "main", direction: .server, text: "+OK Logged in."),
                     TranscriptLine(connection: "main", direction: .client, text: "RETR 2"),
                     TranscriptLine(connection: "main", direction: .server, text: ".starts with one dot\\x07")],
        durationSeconds: 1.5)

    static let skipped = ScenarioResult(
        file: "Scenarios/imap/idle.scn", title: "IDLE", references: ["RFC 2177 §3"], account: "user1", status: .skipped,
        reason: "the server does not advertise IDLE", steps: [], transcript: [], durationSeconds: 0)

    static let errored = ScenarioResult(
        file: "Scenarios/pop3/top.scn", title: "TOP", references: [], account: "user1", status: .error,
        reason: "127.0.0.1:21110: connection refused", steps: [],
        transcript: [TranscriptLine(connection: "main", direction: .event, text: "error: 127.0.0.1:21110: connection refused")],
        durationSeconds: 0.001)
}

extension ReportFixture {
    /// The same run as `check` and `bench` would extend it: baseline summary, load figures, thresholds.
    static var extended: RunResult {
        var result = self.result
        result.conformance = ConformanceSummary(suites: ["pop3"], baseline: "baseline.txt", newFailures: ["pop3/retr.scn"],
                                                acceptedFailures: [.init(id: "pop3/top.scn", reason: "RFC 1939 §7: known")], staleEntries: [])
        let distribution = LatencyDistribution(lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, significantDigits: 3, count: 2,
                                               percentiles: .init(p50: 900, p90: 1200, p99: 1200, p999: 1200, max: 1200), mean: 1050,
                                               buckets: [[900, 1], [1200, 1]])
        var load = LoadResult(
            scenario: "Scenarios/load/imap-login.scn",
            model: LoadModel(kind: .open, concurrency: 0, ratePerSecond: 50, thinkTimeSeconds: 0, rampSeconds: 1, warmupSeconds: 0,
                             durationSeconds: 10, iterations: nil, hardCapSeconds: 3600, accounts: 20),
            check: .sample(percent: 10), measuredFrom: result.startedAt, measuredSeconds: 10, stoppedBy: .duration,
            sessions: SessionCounts(passed: 2, failed: 0), phases: [.session: distribution], commands: ["LOGIN": distribution],
            series: [ThroughputSample(second: 0, sessions: 2, commands: 6, errors: 0, bytesIn: 900, bytesOut: 120)],
            errors: [.refusal(status: "NO", verb: "LOGIN"): ErrorTally(count: 1, examples: ["A1 NO [AUTHENTICATIONFAILED] failed"])],
            generator: GeneratorUsage(cpuSeconds: 0.5, cpuSecondsPer1000Sessions: 250, peakRSSBytes: 30_000_000, peakActiveSessions: 2))
        load.thresholds = [ThresholdResult(name: "p99 LOGIN <= 50.0ms", observed: "1.2ms", passed: true)]
        result.load = load
        return result
    }
}
