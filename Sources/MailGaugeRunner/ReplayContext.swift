import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// The state one scenario replay shares across its connections, whatever the protocol:
/// variables, the transcript and the steps recorded so far.
///
/// A class: the async frames that pass it along (one chain per session of a load run)
/// then hold a reference instead of copies of it.
final class ReplayContext {
    let target: Target
    let options: RunnerOptions
    let connections: OpenConnections
    var current = "main"
    var bindings = Bindings()
    var transcript: TranscriptRecorder
    private(set) var steps: [StepResult] = []
    /// Whether any connection was established: failing before that is a connection error,
    /// failing after it is the server's failure.
    private(set) var hasConnected = false

    /// The session's own account, which a connection speaks for unless `@connect … as` says otherwise.
    private let account: Account
    /// Connections opened as another account, by name.
    private var otherAccounts: [String: Account] = [:]
    /// Whose `${user}` and `${password}` the bindings hold now.
    private var speaking: Account

    init(target: Target, options: RunnerOptions, account: Account, connections: OpenConnections) {
        self.target = target
        self.options = options
        self.connections = connections
        self.account = account
        self.speaking = account
        self.transcript = TranscriptRecorder(linesPerReply: options.transcriptLinesPerReply, logger: options.logger,
                                             isRecording: options.recordsTranscript)
        bindings.set("user", to: account.user)
        // A token no other replay has, so a scenario can name what it creates (a scratch
        // message's Subject) and find exactly that again, never the account's own mail.
        let run = options.runToken + "x" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        bindings.set("run", to: run)
        // A mailbox no other replay names, which the scenario may create, fill and delete:
        // what a case changes is then its own, never the account's.
        bindings.set("box", to: options.mailboxPrefix + "MailGauge-" + run)
        setSecret("password", to: account.password)
    }

    /// `@connect name [as ACCOUNT]`: the connection being opened speaks for `reference`'s
    /// account, or the session's own without one.
    func begin(_ name: String, as reference: AccountReference?) throws(ReplayFailure) {
        if let reference {
            guard let other = options.roster.account(reference, forSessionOf: account) else {
                throw ReplayFailure("no account '\(reference)' among the run's accounts")
            }
            otherAccounts[name] = other
        } else {
            otherAccounts[name] = nil
        }
        use(name)
    }

    /// `@use name`: the following exchanges go to connection `name`, and `${user}` and
    /// `${password}` are those of the account it was opened as.
    func use(_ name: String) {
        current = name
        let account = otherAccounts[name] ?? self.account
        guard account != speaking else { return }
        speaking = account
        bindings.set("user", to: account.user)
        setSecret("password", to: account.password)
    }

    /// A value that must never be shown: masked in transcripts from now on.
    func setSecret(_ name: String, to value: String) {
        bindings.set(name, to: value, secret: true)
        transcript.scrubber.update(from: bindings)
    }

    /// Opens a connection for `current`, registered so a scenario timeout can close it.
    /// `security` is how this connection starts: the target's, or `.startTLS` for a plain
    /// connection that a probe upgrades itself.
    func open(_ security: Target.Security) async throws(ConnectionError) -> Connection {
        transcript.event("connect \(target)", on: current)
        var target = self.target
        target.security = security
        let connection = try await Connection.open(to: target, tls: options.tls, timeouts: options.timeouts,
                                                   from: options.sourceAddresses?.take())
        connections.add(connection)
        hasConnected = true
        if security == .implicitTLS { transcript.event("TLS established", on: current) }
        return connection
    }

    /// Most reply lines a step shows (its `actual`), gap lines aside.
    static let actualLinesPerStep = 200

    /// Records a checked exchange and keeps what it captured.
    func record(command: String?, expected: [ExpectedLine], verdict: ReplyVerdict, findings: [Finding],
                         at location: SourceLocation, latency: Duration) {
        // A flood of malformed untagged responses is reported as a few findings per rule.
        let findings = FindingTally(findings).findings
        bindings.merge(verdict.captures)
        let failed = verdict.mismatch != nil || findings.contains(where: failing)
        var mismatch = verdict.mismatch
        var actual: [String] = []
        if failed || options.recordsTranscript {
            let excerpt = ReplyExcerpt(verdict.actualLines, mismatchAt: mismatch?.actualLine, limit: Self.actualLinesPerStep) { transcript.render($0) }
            actual = excerpt.lines
            mismatch?.actualLine = excerpt.mismatchIndex
        }
        steps.append(StepResult(
            location: location.description, connection: current, command: command, status: failed ? .failed : .passed,
            expected: expected.map(\.source), actual: actual,
            mismatch: mismatch, findings: findings, latencySeconds: latency.seconds))
    }

    /// The last step's reply missed an `@needs` or `@should` rather than a MUST.
    func markLastStep(_ status: StepResult.Status) {
        steps[steps.count - 1].status = status
    }

    /// Records a rule a script checked over what it observed, rather than a reply it read.
    func recordCheck(_ requirement: String, observed: [String], at location: SourceLocation, on connection: String,
                     mismatch: String?, findings: [Finding]) {
        let failed = mismatch != nil || findings.contains(where: failing)
        steps.append(StepResult(
            location: location.description, connection: connection, command: "check: \(requirement)", status: failed ? .failed : .passed,
            expected: [requirement], actual: observed.map { transcript.render($0.utf8) },
            mismatch: mismatch.map { Mismatch(expectedLine: 0, actualLine: nil, message: $0) },
            findings: findings, latencySeconds: 0))
    }

    /// Records an `@assert` as a step of its own, with the two values it compared.
    func check(_ assertion: Assertion) throws(UndefinedVariable) {
        let (left, right) = (try assertion.left.number(in: bindings), try assertion.right.number(in: bindings))
        let holds = assertion.relation.holds(left, right)
        recordCheck("@assert \(assertion.source)", observed: ["\(assertion.left) is \(left)", "\(assertion.right) is \(right)"],
                    at: assertion.location, on: current,
                    mismatch: holds ? nil : "\(left) \(assertion.relation.rawValue) \(right) does not hold", findings: [])
    }

    /// Violations always fail a step; warnings only in strict mode; nothing when a load run
    /// turned grammar checking off.
    func failing(_ finding: Finding) -> Bool {
        options.checksGrammar && (finding.severity == .violation || options.strict)
    }
}

/// How a reply compared with its expectation.
struct ReplyVerdict {
    var mismatch: Mismatch?
    var captures: [String: String] = [:]
    /// The reply as the lines a person compares with the expectation.
    var actualLines: PackedLines
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
