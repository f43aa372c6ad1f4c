import MailGaugeResult

/// What an account holds, as far as a run could change it, taken before the first case and
/// after the last so that `check` can show it left the account as found.
///
/// IMAP: every selectable mailbox's message count and UIDVALIDITY (STATUS, RFC 9051 §6.3.11),
/// and for INBOX each message's UID and flags. UIDNEXT is not compared: appending a scratch
/// message and removing it again moves it on, and that is no change to anyone's mail.
/// `\Recent` is not compared either: it is session state, and every SELECT changes it.
/// POP3: STAT's count and size and the UIDL unique-ids (RFC 1939 §5, §7).
package struct AccountSnapshot: Sendable, Equatable {
    package struct Mailbox: Sendable, Equatable {
        var messages: UInt64?
        var uidValidity: UInt64?
        /// INBOX only: flags (lower-cased, `\Recent` left out) by UID.
        var flags: [UInt32: Set<String>]?
    }

    package struct Maildrop: Sendable, Equatable {
        var messages: Int
        var octets: Int
        /// Nil when the server has no UIDL.
        var uniqueIDs: [String]?
    }

    /// IMAP: by mailbox name, as LIST gave it.
    var mailboxes: [String: Mailbox] = [:]
    /// POP3.
    var maildrop: Maildrop?

    /// Every way `after` differs from this snapshot, one line each, in a stable order.
    func differences(to after: AccountSnapshot) -> [String] {
        var lines: [String] = []
        for name in Set(mailboxes.keys).union(after.mailboxes.keys).sorted() {
            switch (mailboxes[name], after.mailboxes[name]) {
            case (nil, _?): lines.append("\(name): a mailbox the account did not have is there")
            case (_?, nil): lines.append("\(name): the mailbox is gone")
            case (let before?, let now?): lines += Self.differences(in: name, before, now)
            case (nil, nil): break
            }
        }
        if let before = maildrop, let now = after.maildrop {
            // The octets alone may change with no message added or removed: servers rewrite
            // the messages they served (GNU Mailutils adds Status headers to an mbox), which is
            // the server's doing, not a change to what the account holds (see `remarks`).
            if before.messages != now.messages {
                lines.append("maildrop: STAT was \(before.messages) \(before.octets), is \(now.messages) \(now.octets)")
            }
            if let old = before.uniqueIDs, let new = now.uniqueIDs {
                let (gone, added) = (Set(old).subtracting(new), Set(new).subtracting(old))
                if !gone.isEmpty { lines.append("maildrop: unique-ids gone: \(gone.sorted().joined(separator: " "))") }
                if !added.isEmpty { lines.append("maildrop: unique-ids not there before: \(added.sorted().joined(separator: " "))") }
            }
        }
        return lines
    }

    /// What changed that is not a difference: a maildrop whose messages are all there but
    /// whose octets the server changed.
    func remarks(to after: AccountSnapshot) -> [String] {
        guard let before = maildrop, let now = after.maildrop, before.messages == now.messages, before.octets != now.octets else { return [] }
        return ["maildrop: the same \(now.messages) messages, \(before.octets) octets before and \(now.octets) after (the server rewrote messages it served)"]
    }

    private static func differences(in name: String, _ before: Mailbox, _ now: Mailbox) -> [String] {
        var lines: [String] = []
        if before.uidValidity != now.uidValidity {
            lines.append("\(name): UIDVALIDITY was \(describe(before.uidValidity)), is \(describe(now.uidValidity))")
        }
        if before.messages != now.messages {
            lines.append("\(name): \(describe(before.messages)) messages before, \(describe(now.messages)) after")
        }
        guard let old = before.flags, let new = now.flags else { return lines }
        let gone = Set(old.keys).subtracting(new.keys).sorted()
        let added = Set(new.keys).subtracting(old.keys).sorted()
        if !gone.isEmpty { lines.append("\(name): UID \(gone.map(String.init).joined(separator: ",")) gone") }
        if !added.isEmpty { lines.append("\(name): UID \(added.map(String.init).joined(separator: ",")) not there before") }
        for uid in old.keys.sorted() {
            guard let was = old[uid], let isNow = new[uid], was != isNow else { continue }
            lines.append("\(name): UID \(uid) flags were (\(was.sorted().joined(separator: " "))), are (\(isNow.sorted().joined(separator: " ")))")
        }
        return lines
    }

    private static func describe(_ value: UInt64?) -> String { value.map(String.init) ?? "none" }

    /// What the report says was compared.
    func check(against after: AccountSnapshot) -> AccountCheck {
        let messages = maildrop?.messages ?? Int(mailboxes.values.compactMap(\.messages).reduce(0, +))
        return AccountCheck(mailboxes: maildrop == nil ? mailboxes.count : 1, messages: messages, differences: differences(to: after))
    }
}
