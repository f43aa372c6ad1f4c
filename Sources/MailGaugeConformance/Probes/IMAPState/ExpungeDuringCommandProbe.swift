import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// A message another session expunged is announced with EXPUNGE at a command that allows it
/// (NOOP, polled for a few seconds), never during FETCH, STORE or SEARCH, which would shift the sequence numbers the
/// client is using (RFC 9051 §7.5.1); sequence numbers never exceed the message count
/// (RFC 9051 §2.3.1.2). The session's tracker reports the breaks as findings.
public struct ExpungeDuringCommandProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/imap-no-expunge-during-fetch"
    public let title = "Another session's EXPUNGE waits for NOOP, not FETCH/STORE/SEARCH"
    public let references = ["RFC 9051 §7.5.1", "RFC 9051 §2.3.1.2"]
    public let mailProtocol = MailProtocol.imap
    static let noopAttempts = 6
    static let noopInterval = Duration.seconds(1)

    public func run(_ context: ProbeContext) async throws {
        let main = try await context.imapSession("main")
        let other = try await context.imapSession("other")
        try await context.withScratchMailbox(createdBy: other) { mailbox in
            try await other.selectWritable(mailbox)
            try await main.command("SELECT \(mailbox)")
            try await context.withScratchMessage(in: mailbox, appendedBy: other) { token in
                try await main.command("NOOP")
                let uid = try await main.scratchUID(token, appendedBy: other.name)
                // STORE by sequence number (the rule is about FETCH, STORE and SEARCH, not their
                // UID forms), on the scratch message, the only one a STORE may touch.
                let sequence = try await main.command("UID FETCH \(uid) (UID)").compactMap { response -> UInt32? in
                    if case .untagged(.fetch(let number, _))? = response.response { number } else { nil }
                }.first
                guard let sequence else { throw ScriptSkipped("main cannot tell the scratch message's sequence number") }
                try await other.expungeScratch(token)
                // Their completion may be NO for the expunged message (RFC 2180 §4.1); only EXPUNGE matters.
                for command in ["FETCH 1:* (FLAGS)", "STORE \(sequence) -FLAGS.SILENT (\\Draft)", "SEARCH ALL"] {
                    try await main.command(command, expecting: nil)
                }
                // NOOP may report another session's change late (a server that polls its store);
                // one that never reports it within the wait leaves nothing to judge.
                for attempt in 1...Self.noopAttempts {
                    let noop = try await main.command("NOOP")
                    if noop.contains(where: { if case .untagged(.expunge)? = $0.response { true } else { false } }) { return }
                    if attempt < Self.noopAttempts { try await Task.sleep(for: Self.noopInterval) }
                }
                throw ScriptSkipped("no NOOP in \(Self.noopAttempts) over \(Self.noopInterval * (Self.noopAttempts - 1)) announced "
                                    + "the other session's EXPUNGE, so no command was shown to deliver it")
            }
        }
        await other.logout()
        await main.logout()
    }
}
