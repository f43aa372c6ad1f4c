import MailGaugeClient
import MailGaugeRunner

/// What a probe works with: a scripted replay on the runner's dialects — so a probe is its
/// logic only, what to send and what to compare — and the capabilities probed before the run.
public struct ProbeContext {
    let replay: ScriptedReplay
    /// The capabilities probed before the run (post-login for IMAP), upper-cased.
    public let capabilities: Set<String>

    public var target: Target { replay.target }

    /// Opens a logged-in IMAP connection `name` (after STARTTLS when the target uses it) whose
    /// responses an `IMAPMailboxTracker` follows, so a probe only states the rule it is about.
    func imapSession(_ name: String) async throws -> IMAPScriptedConnection {
        let connection = try await replay.openIMAP(name, login: false)
        try connection.attach(MailboxTrackerAuditor())
        try await connection.login()
        return connection
    }

    /// Opens a POP3 connection `name` logged in with USER/PASS (RFC 1939 §7).
    func pop3Session(_ name: String) async throws -> POP3ScriptedConnection {
        try await replay.openPOP3(name)
    }

    /// Records a rule the probe checked over what it observed; the step fails unless `holds`.
    func verify(_ requirement: String, citing reference: String, holds: Bool, observed: [String], on connection: String = "main") {
        replay.verify(requirement, citing: reference, holds: holds, observed: observed, on: connection)
    }
}
