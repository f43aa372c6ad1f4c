import MailGaugeClient
import MailGaugeScenario
import MailGaugeWire

extension AccountSnapshot {
    /// Takes the snapshot over a logged-in IMAP connection, changing nothing: LIST (RFC 9051
    /// §6.3.9), STATUS of every selectable mailbox, then EXAMINE INBOX (read-only, RFC 9051
    /// §6.3.3) and FETCH of its UIDs and flags. A mailbox whose name cannot go in a quoted
    /// string (CR, LF, 8-bit) is left out, and said so in the transcript.
    static func take(over connection: IMAPScriptedConnection) async throws -> AccountSnapshot {
        var snapshot = AccountSnapshot()
        let listed = try await connection.command(#"LIST "" "*""#)
        for case .untagged(.list(let listing))? in listed.map(\.response) {
            let attributes = Set(listing.attributes.map { $0.lowercased() })
            guard attributes.isDisjoint(with: [#"\noselect"#, #"\nonexistent"#]) else { continue }
            guard let quoted = quoted(listing.name) else {
                connection.note("account snapshot: \(listing.name.debugDescription) left out, its name needs a literal")
                continue
            }
            let status = try await connection.command("STATUS \(quoted) (MESSAGES UIDVALIDITY)")
            snapshot.mailboxes[listing.name] = Mailbox(messages: status.statusValue("MESSAGES"), uidValidity: status.statusValue("UIDVALIDITY"))
        }
        guard let inbox = snapshot.mailboxes.keys.first(where: { $0.uppercased() == "INBOX" }) else { return snapshot }
        try await connection.command("EXAMINE INBOX")
        var flags: [UInt32: Set<String>] = [:]
        if snapshot.mailboxes[inbox]?.messages ?? 0 > 0 {
            for case .untagged(.fetch(_, let attributes))? in try await connection.command("FETCH 1:* (UID FLAGS)").map(\.response) {
                guard let uid = attributes.lazy.compactMap({ if case .uid(let uid) = $0 { uid } else { nil } }).first else { continue }
                for case .flags(let list) in attributes {
                    flags[uid] = Set(list.map { $0.lowercased() }).subtracting([#"\recent"#])
                }
            }
        }
        snapshot.mailboxes[inbox]?.flags = flags
        return snapshot
    }

    /// Takes the snapshot over a logged-in POP3 connection: STAT, and UIDL when the server
    /// answers it.
    static func take(over connection: POP3ScriptedConnection) async throws -> AccountSnapshot {
        guard let stat = POP3ListingPairs.statusPair(try await connection.command("STAT")), let octets = Int(stat.value) else {
            throw ScriptFailure("STAT gave no message count and size")
        }
        let uidl = try await connection.command("UIDL", expecting: nil)
        let uniqueIDs = uidl.status == .ok ? POP3ListingPairs.parse(uidl.body ?? []).map(\.value) : nil
        return AccountSnapshot(maildrop: Maildrop(messages: stat.number, octets: octets, uniqueIDs: uniqueIDs))
    }

    /// `name` as an IMAP quoted string (RFC 9051 §4.3), escaped for a scripted `C:` line; nil
    /// when only a literal can carry it.
    private static func quoted(_ name: String) -> String? {
        guard name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        return Template.literalText(ScriptedReplay.imapQuoted(name))
    }
}
