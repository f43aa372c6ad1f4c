import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// UIDs ascend strictly with sequence numbers, every UID is below the UIDNEXT announced at
/// SELECT, and a message appended by another session gets a UID above them all
/// (RFC 9051 §2.3.1.1). The session's `IMAPMailboxTracker` reports any break as a finding.
public struct UIDOrderProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/imap-uid-order"
    public let title = "UIDs strictly ascending, below UIDNEXT, new messages above them"
    public let references = ["RFC 9051 §2.3.1.1"]
    public let mailProtocol = MailProtocol.imap

    public func run(_ context: ProbeContext) async throws {
        let main = try await context.imapSession("main")
        let other = try await context.imapSession("other")
        try await context.withScratchMailbox(createdBy: main) { mailbox in
            // Two messages before the one that matters, so there are earlier UIDs to be above.
            try await main.appendScratch(to: mailbox, token: "earlier")
            try await main.appendScratch(to: mailbox, token: "earlier")
            try await main.selectWritable(mailbox)
            let before = try await main.command("UID FETCH 1:* (UID)").compactMap { $0.response?.untaggedUID }
            try await context.withScratchMessage(in: mailbox, appendedBy: other) { token in
                try await main.command("NOOP")
                try await main.command("FETCH 1:* (UID)")
                let appended = try await main.scratchUID(token, appendedBy: other.name)
                context.verify("the appended message's UID is above every earlier UID", citing: "RFC 9051 §2.3.1.1",
                               holds: before.allSatisfy { $0 < appended },
                               observed: ["earlier UIDs \(before.map(String.init).joined(separator: ","))", "appended UID \(appended)"])
            }
        }
        await other.logout()
        await main.logout()
    }
}

extension IMAPResponse {
    /// The UID of an untagged FETCH response.
    var untaggedUID: UInt32? {
        if case .untagged(let data) = self { return data.uid }
        return nil
    }
}
