import MailGaugeClient
import MailGaugeWire

/// Two sessions add different flags to one message; both flags stay. `+FLAGS` adds to the
/// message's flags as they are, not as a session last saw them (RFC 9051 §6.4.6), and flags
/// are shared state between sessions (RFC 9051 §5.2).
public struct ConcurrentFlagsProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/imap-concurrent-flags"
    public let title = "+FLAGS from two sessions on one message are both kept"
    public let references = ["RFC 9051 §6.4.6", "RFC 9051 §5.2"]
    public let mailProtocol = MailProtocol.imap

    public func run(_ context: ProbeContext) async throws {
        let main = try await context.imapSession("main")
        let other = try await context.imapSession("other")
        let token = scratchToken()
        try await main.appendScratch(token: token)
        try await main.command("SELECT INBOX")
        try await other.command("SELECT INBOX")
        guard let uid = try await main.scratchUIDs(token).first else { throw ProbeFailure("the appended message cannot be found") }
        _ = try await other.flags(ofUID: uid)
        try await main.command("UID STORE \(uid) +FLAGS (\\Flagged)")
        try await other.command("UID STORE \(uid) +FLAGS (\\Answered)")
        let flags = try await main.flags(ofUID: uid)
        context.log.verify("both sessions' flags are kept", citing: "RFC 9051 §6.4.6",
                           holds: flags.contains("\\Flagged") && flags.contains("\\Answered"), observed: ["FLAGS (\(flags.joined(separator: " ")))"])
        try await main.discardScratch(token, capabilities: context.capabilities)
        await other.logout()
        await main.logout()
    }
}
