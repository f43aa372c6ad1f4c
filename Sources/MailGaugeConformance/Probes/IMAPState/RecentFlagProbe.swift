import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// A new message is \Recent in exactly one of the sessions that have its mailbox selected
/// (RFC 3501 §2.3.2: "subsequent sessions will not see \Recent set for this message");
/// IMAP4rev2 dropped \Recent, so a session that enabled IMAP4rev2 never sees it (RFC 9051
/// §2.3.2, Appendix E). A server that sets \Recent on no APPENDed message (Courier, pymap)
/// breaks no sentence that says APPEND must: the probe skips, as there is nothing to judge. The message's UID is looked up, and the message
/// removed, by a session that never enabled IMAP4rev2, which answers SEARCH with ESEARCH.
public struct RecentFlagProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/imap-recent-in-one-session"
    public let title = "\\Recent in exactly one session (IMAP4rev1), never under IMAP4rev2"
    public let references = ["RFC 3501 §2.3.2", "RFC 9051 §2.3.2"]
    public let mailProtocol = MailProtocol.imap

    public func run(_ context: ProbeContext) async throws {
        let main = try await context.imapSession("main")
        let other = try await context.imapSession("other")
        let writer = try await context.imapSession("writer")
        try await context.withScratchMailbox(createdBy: writer) { mailbox in
            try await main.selectWritable(mailbox)
            try await other.command("SELECT \(mailbox)")
            try await context.withScratchMessage(in: mailbox, appendedBy: writer) { token in
                var observed: [String] = []
                var recentIn = 0
                try await main.command("NOOP")
                try await other.command("NOOP")
                let uid = try await main.scratchUID(token, appendedBy: writer.name)
                for session in [main, other] {
                    let flags = try await session.flags(ofUID: uid)
                    if flags.contains("\\Recent") { recentIn += 1 }
                    observed.append("\(session.name): FLAGS (\(flags.joined(separator: " ")))")
                }
                guard recentIn > 0 else {
                    throw ScriptSkipped("no session sees \\Recent on the APPENDed message, which RFC 3501 does not require: "
                                        + observed.joined(separator: ", "))
                }
                context.verify("the new message is \\Recent in exactly one session", citing: "RFC 3501 §2.3.2",
                               holds: recentIn == 1, observed: observed)
                if context.capabilities.contains("IMAP4REV2") {
                    try await writer.command("ENABLE IMAP4rev2")
                    try await writer.command("SELECT \(mailbox)")
                    let flags = try await writer.flags(ofUID: uid)
                    context.verify("no \\Recent under IMAP4rev2", citing: "RFC 9051 §2.3.2", holds: !flags.contains("\\Recent"),
                                   observed: ["writer: FLAGS (\(flags.joined(separator: " ")))"], on: "writer")
                }
            }
        }
        for session in [writer, other, main] { await session.logout() }
    }
}
