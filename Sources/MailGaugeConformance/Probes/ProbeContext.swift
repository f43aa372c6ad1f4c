import MailGaugeClient
import MailGaugeRunner

/// Everything a probe needs to talk to the server and record what happened.
public struct ProbeContext {
    public let target: Target
    public let options: RunnerOptions
    public let account: Account
    /// The capabilities probed before the run (post-login for IMAP), upper-cased.
    public let capabilities: Set<String>
    let log: ProbeLog

    /// Opens connection `name`, recorded in the log. `upgradable` gives a plain target the TLS
    /// set-up a STARTTLS probe needs.
    func connect(_ name: String, upgradable: Bool) async throws(ConnectionError) -> Connection {
        var target = self.target
        if target.security == .plain, upgradable { target.security = .startTLS }
        log.event("connect \(self.target)", on: name)
        let connection = try await Connection.open(to: target, tls: options.tls, timeouts: options.timeouts)
        log.hasConnected = true
        return connection
    }

    /// Opens a logged-in IMAP session named `name` (after STARTTLS when the target uses it).
    func imapSession(_ name: String) async throws -> IMAPProbeSession {
        let session = try await IMAPProbeSession.open(name, self)
        try await session.login()
        return session
    }

    /// Opens a POP3 session named `name` and logs in with USER/PASS (RFC 1939 §7).
    func pop3Session(_ name: String) async throws -> POP3ProbeSession {
        let session = try await POP3ProbeSession.open(name, self)
        try await session.login()
        return session
    }
}
