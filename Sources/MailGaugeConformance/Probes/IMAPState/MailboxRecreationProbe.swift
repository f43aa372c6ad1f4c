import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// A (UIDVALIDITY, UID) pair names one message for ever (RFC 9051 §2.3.1.1): a mailbox deleted,
/// or renamed away, and then created again under the same name must get a new UIDVALIDITY, or
/// keep UIDNEXT above every UID the old mailbox handed out.
public struct MailboxRecreationProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/imap-uid-pairs-not-reused"
    public let title = "A mailbox created again after DELETE or RENAME does not reuse (UIDVALIDITY, UID) pairs"
    public let references = ["RFC 9051 §2.3.1.1", "RFC 9051 §6.3.5", "RFC 9051 §6.3.6"]
    public let mailProtocol = MailProtocol.imap

    public func run(_ context: ProbeContext) async throws {
        let session = try await context.imapSession("main")
        let name = context.replay.ownMailbox
        for (how, removal) in [("DELETE", "DELETE \(name)"), ("RENAME", "RENAME \(name) \(name)Away")] {
            try await session.command("CREATE \(name)")
            try await session.append(to: name, ["Subject: MailGauge recreation probe", "", "first life"])
            let before = try await session.command("SELECT \(name)")
            try await session.command("CLOSE")
            try await session.command(removal)
            try await session.command("CREATE \(name)")
            let after = try await session.command("SELECT \(name)")
            try await session.command("CLOSE")
            let old = (validity: before.codeNumber("UIDVALIDITY"), next: before.codeNumber("UIDNEXT"))
            let new = (validity: after.codeNumber("UIDVALIDITY"), next: after.codeNumber("UIDNEXT"))
            let fresh = old.validity != nil && new.validity != nil
                && (new.validity != old.validity || (new.next ?? 0) >= (old.next ?? UInt64.max))
            context.verify("after \(how), the new \(name) has a new UIDVALIDITY or a UIDNEXT at least the old one",
                               citing: "RFC 9051 §2.3.1.1", holds: fresh,
                               observed: ["before: UIDVALIDITY \(old.validity.map(String.init) ?? "none") UIDNEXT \(old.next.map(String.init) ?? "none")",
                                          "after \(how): UIDVALIDITY \(new.validity.map(String.init) ?? "none") UIDNEXT \(new.next.map(String.init) ?? "none")"])
            try await session.command("DELETE \(name)")
            if how == "RENAME" { try await session.command("DELETE \(name)Away") }
        }
        await session.logout()
    }
}
