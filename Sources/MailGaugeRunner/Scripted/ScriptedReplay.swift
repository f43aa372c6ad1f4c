import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// A replay whose steps come from code — a conformance probe, the capability survey —
/// rather than from a scenario file. It drives the same dialects through the same context
/// as `ScenarioRunner.run`, so what a scenario is guaranteed holds here by construction: no
/// secret in clear where the server forbids it, the scenario deadline, the message-size and
/// parser limits, the grammar check, masking, logging and step recording.
///
/// Each call is one step, located as `<file>:<n>` in the order the steps were taken.
package final class ScriptedReplay {
    let context: ReplayContext
    var imapDialect = IMAPDialect()
    var pop3Dialect = POP3Dialect()
    private let file: String
    private var stepCount = 0
    /// Where the last step was taken, for an error that ends the replay.
    private(set) var lastLocation: SourceLocation?

    init(context: ReplayContext, file: String) {
        self.context = context
        self.file = file
        // LOGIN takes astrings (RFC 9051 §6.2.3): quoted, any user name and password go through.
        context.bindings.set("quoted_user", to: Self.imapQuoted(context.bindings["user"] ?? ""))
        context.setSecret("quoted_password", to: Self.imapQuoted(context.bindings["password"] ?? ""))
    }

    package var target: Target { context.target }
    /// `${run}`: the replay's own token, to name what it creates.
    package var runToken: String { context.bindings["run"] ?? "" }
    /// `${box}`: a mailbox name no other replay uses, under the personal namespace.
    package var ownMailbox: String { context.bindings["box"] ?? "" }
    package var options: RunnerOptions { context.options }

    /// The location of the next step.
    func nextLocation() -> SourceLocation {
        stepCount += 1
        let location = SourceLocation(file: file, line: stepCount)
        lastLocation = location
        return location
    }

    /// Opens IMAP connection `name` and reads its greeting, upgrading with STARTTLS when the
    /// target uses it; `upgradable` instead opens a plain connection with TLS set up but not
    /// started, for a probe that carries out STARTTLS itself. `login` logs in with LOGIN.
    package func openIMAP(_ name: String = "main", login: Bool = true, upgradable: Bool = false) async throws -> IMAPScriptedConnection {
        context.current = name
        let security: Target.Security = upgradable && target.security == .plain ? .startTLS : target.security
        let greeting = try await imapDialect.open(greeting: nil, at: nextLocation(), opening: security,
                                                  upgrade: !upgradable && security == .startTLS, context)
        let connection = IMAPScriptedConnection(replay: self, name: name, greeting: greeting)
        if login { try await connection.login() }
        return connection
    }

    /// Opens POP3 connection `name` as `openIMAP` does; `login` logs in with USER and PASS.
    package func openPOP3(_ name: String = "main", login: Bool = true, upgradable: Bool = false) async throws -> POP3ScriptedConnection {
        context.current = name
        let security: Target.Security = upgradable && target.security == .plain ? .startTLS : target.security
        try await pop3Dialect.connect(greeting: nil, at: nextLocation(), opening: security,
                                      upgrade: !upgradable && security == .startTLS, context)
        let connection = POP3ScriptedConnection(replay: self, name: name)
        if login { try await connection.login() }
        return connection
    }

    /// Records a rule the script checked over what it observed: `requirement` as the
    /// expectation, `observed` as the actual lines; the step fails unless `holds`.
    package func verify(_ requirement: String, citing reference: String, holds: Bool, observed: [String], on connection: String = "main") {
        context.recordCheck("\(requirement) (\(reference))", observed: observed, at: nextLocation(), on: connection,
                            mismatch: holds ? nil : "\(requirement) does not hold (\(reference))", findings: [])
    }

    /// Records what the script concluded that is a departure without being a failure: a
    /// warning-level finding, failing the step only under `--strict` (a SHOULD, or evidence
    /// short of proof).
    package func warn(_ finding: Finding, observed: [String], on connection: String = "main") {
        context.recordCheck(finding.message + " (\(finding.reference))", observed: observed, at: nextLocation(), on: connection,
                            mismatch: nil, findings: [finding])
    }

    /// What the server sends of its own accord on `connection` within `window` (see
    /// `Connection.unsolicitedBytes`), recorded in the transcript as connection `name`'s.
    func unsolicitedBytes(on connection: Connection, named name: String, within window: Duration) async throws -> [UInt8]? {
        let bytes = try await connection.unsolicitedBytes(within: window)
        if let bytes, !bytes.isEmpty { context.transcript.server(bytes, on: name) }
        return bytes
    }

    /// A line in the transcript saying what the script is doing and why.
    package func note(_ text: String, on connection: String = "main") {
        context.transcript.event(text, on: connection)
    }

    /// An IMAP quoted string (RFC 9051 §4.3).
    static func imapQuoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}

/// A script stops because what it tests does not apply here; the result is *skipped*, with
/// the reason (a capability or policy missing, a handshake our side could not complete).
package struct ScriptSkipped: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// A script cannot go on: the server refused something it needs as a precondition.
package struct ScriptFailure: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

extension ScenarioRunner {
    /// Runs `body` as one replay named by `identity`: its result has the statuses a scenario's
    /// has — failed at the first failed step or on a session lost midway, error when no
    /// connection could be made at all — and *skipped* when `body` throws `ScriptSkipped`
    /// with no step failed before.
    package func drive(_ identity: CaseIdentity, as account: Account, observer: (any ReplayObserver)? = nil,
                       _ body: (ScriptedReplay) async throws -> Void) async -> ScenarioResult {
        await session(identity, as: account, observer: observer) { context in
            let replay = ScriptedReplay(context: context, file: identity.file)
            do {
                try await body(replay)
                return context.outcome(ofStepsFrom: 0, otherwise: ReplayOutcome(status: .passed))
            } catch let skip as ScriptSkipped {
                context.transcript.event("skipped: \(skip)", on: context.current)
                return context.outcome(ofStepsFrom: 0, otherwise: ReplayOutcome(status: .skipped, reason: skip.description))
            } catch {
                return context.outcome(ofStepsFrom: 0, otherwise: context.outcome(for: error, at: replay.lastLocation))
            }
        }
    }
}
