import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeWire

/// What a probe did, in the shape scenario replays produce: transcript lines and checked
/// steps, so reports and baselines treat probes and scenarios alike.
final class ProbeLog {
    let probeID: String
    private let strict: Bool
    private(set) var transcript: TranscriptRecorder
    private(set) var steps: [StepResult] = []
    /// Whether any connection was established: failing before that is a connection error.
    var hasConnected = false

    init(probeID: String, options: RunnerOptions, account: Account) {
        self.probeID = probeID
        self.strict = options.strict
        transcript = TranscriptRecorder(linesPerReply: options.transcriptLinesPerReply)
        var secrets = Bindings()
        secrets.set("password", to: account.password, secret: true)
        transcript.conceal(secrets)
    }

    func client(_ shownLine: String, on connection: String) { transcript.client(shownLine, on: connection) }
    func server(_ wireBytes: [UInt8], on connection: String) { transcript.server(wireBytes, on: connection) }
    func event(_ text: String, on connection: String) { transcript.event(text, on: connection) }

    /// Records one exchange; it fails on `problem` or on a finding that fails under the options.
    func record(_ command: String?, on connection: String, expected: [String] = [], reply: [[UInt8]], problem: String? = nil,
                findings: [Finding] = [], latency: Duration = .zero) {
        let failed = problem != nil || findings.contains { $0.severity == .violation || strict }
        let (seconds, attoseconds) = latency.components
        steps.append(StepResult(
            location: "\(probeID)#\(steps.count + 1)", connection: connection, command: command, status: failed ? .failed : .passed,
            expected: expected, actual: reply.map { transcript.render($0) },
            mismatch: problem.map { Mismatch(expectedLine: expected.isEmpty ? nil : 0, actualLine: nil, message: $0) },
            findings: findings, latencySeconds: Double(seconds) + Double(attoseconds) / 1e18))
    }

    /// Records a rule the probe checked over what it observed: `requirement` as the expectation,
    /// `observed` as the actual lines, failing unless `holds`.
    func verify(_ requirement: String, citing reference: String, holds: Bool, observed: [String], on connection: String = "main") {
        record("check: \(requirement)", on: connection, expected: ["\(requirement) (\(reference))"],
               reply: observed.map { Array($0.utf8) }, problem: holds ? nil : "\(requirement) does not hold (\(reference))")
    }

    /// The first failed step, as the one-line reason of the result.
    var firstFailure: String? {
        guard let step = steps.first(where: { $0.status == .failed }) else { return nil }
        let why = step.mismatch?.message ?? step.findings.first?.summary ?? "failed"
        return "\(step.location): \(why)"
    }
}
