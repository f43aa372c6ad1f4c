/// The mailbox list: CREATE, DELETE, RENAME, SUBSCRIBE and what LIST reads (RFC 9051 §6.3).
extension UserMailboxes {
    /// RFC 6154 §2's special-use attributes.
    static let specialUses = [#"\All"#, #"\Archive"#, #"\Drafts"#, #"\Flagged"#, #"\Junk"#, #"\Sent"#, #"\Trash"#]

    /// A mailbox as LIST shows it.
    struct Listing: Sendable {
        let name: String
        let specialUse: String?
        let hasChildren: Bool
        let subscribed: Bool
    }

    /// Creates a mailbox and any missing levels above it (RFC 9051 §6.3.4).
    /// `specialUse`: RFC 6154 §3's USE attributes; one of §2's at most, as a mailbox has one.
    func create(_ name: String, specialUse: [String] = []) throws {
        let name = name.hasSuffix(String(MailboxName.delimiter)) ? String(name.dropLast()) : name
        guard !name.isEmpty, !name.hasPrefix(String(MailboxName.delimiter)), !name.contains("//") else {
            throw StoreError.cannot("invalid mailbox name")
        }
        let use = try specialUse.first.map { attribute in
            guard specialUse.count == 1, let known = Self.specialUses.first(where: { $0.lowercased() == attribute.lowercased() }) else {
                throw StoreError.unsupportedUse
            }
            return known
        }
        try mutate(notifying: []) { state in
            let key = MailboxName.key(name)
            guard state.mailboxes[key] == nil else { throw StoreError.alreadyExists }
            for level in MailboxName.ancestors(of: name) + [name] where state.mailboxes[MailboxName.key(level)] == nil {
                let reused = faults.contains(.recreatedMailboxReusesUIDs) ? Self.inboxUIDValidity + 100 : nil
                state.mailboxes[MailboxName.key(level)] = Mailbox(name: level, specialUse: level == name ? use : nil,
                                                                  uidValidity: reused ?? state.nextUIDValidity)
                state.nextUIDValidity += 1
            }
        }
    }

    /// Deletes a mailbox (RFC 9051 §6.3.5). INBOX cannot be deleted; a mailbox with children
    /// could be kept as \Noselect, which this server does not model, so it refuses instead.
    func delete(_ name: String) throws {
        try mutate(notifying: [name]) { state in
            let key = MailboxName.key(name)
            guard key != "INBOX" else { throw StoreError.cannot("INBOX cannot be deleted") }
            guard state.mailboxes[key] != nil else { throw StoreError.noSuchMailbox }
            guard !state.mailboxes.keys.contains(where: { $0.hasPrefix(key + String(MailboxName.delimiter)) }) else {
                throw StoreError.cannot("mailbox has children; delete them first")
            }
            state.mailboxes[key] = nil
            state.subscriptions.remove(key)
        }
    }

    /// Renames a mailbox and its children (RFC 9051 §6.3.6). Renaming INBOX moves its messages
    /// to the new mailbox and leaves INBOX empty.
    func rename(_ name: String, to newName: String) throws {
        try mutate(notifying: [name]) { state in
            let key = MailboxName.key(name), newKey = MailboxName.key(newName)
            guard let mailbox = state.mailboxes[key] else { throw StoreError.noSuchMailbox }
            guard state.mailboxes[newKey] == nil else { throw StoreError.alreadyExists }
            guard !newKey.hasPrefix(key + String(MailboxName.delimiter)) else { throw StoreError.cannot("cannot rename a mailbox into itself") }
            for level in MailboxName.ancestors(of: newName) where state.mailboxes[MailboxName.key(level)] == nil {
                state.mailboxes[MailboxName.key(level)] = Mailbox(name: level, uidValidity: state.nextUIDValidity)
                state.nextUIDValidity += 1
            }
            if key == "INBOX" {
                var moved = mailbox
                moved.name = newName
                moved.uidValidity = state.nextUIDValidity
                state.nextUIDValidity += 1
                state.mailboxes[newKey] = moved
                state.mailboxes[key]?.messages = []
                state.mailboxes[key]?.unclaimedRecent = []
                return
            }
            let prefix = key + String(MailboxName.delimiter)
            for oldKey in state.mailboxes.keys where oldKey == key || oldKey.hasPrefix(prefix) {
                var renamed = state.mailboxes.removeValue(forKey: oldKey)!
                renamed.name = newName + oldKey.dropFirst(key.count)
                state.mailboxes[MailboxName.key(renamed.name)] = renamed
                if state.subscriptions.remove(oldKey) != nil { state.subscriptions.insert(MailboxName.key(renamed.name)) }
            }
        }
    }

    /// SUBSCRIBE / UNSUBSCRIBE (RFC 9051 §6.3.7–8). Subscribing to a missing mailbox is allowed.
    func setSubscribed(_ name: String, _ subscribed: Bool) {
        mutate(notifying: []) { state in
            if subscribed { state.subscriptions.insert(MailboxName.key(name)) } else { state.subscriptions.remove(MailboxName.key(name)) }
        }
    }

    /// Every mailbox, sorted with INBOX first.
    func listings() -> [Listing] {
        state.withLockedValue { state in
            state.mailboxes.values.map { mailbox in
                let key = MailboxName.key(mailbox.name)
                return Listing(name: mailbox.name, specialUse: mailbox.specialUse,
                               hasChildren: state.mailboxes.keys.contains { $0.hasPrefix(key + String(MailboxName.delimiter)) },
                               subscribed: state.subscriptions.contains(key))
            }
            .sorted { ($0.name == "INBOX" ? 0 : 1, $0.name) < ($1.name == "INBOX" ? 0 : 1, $1.name) }
        }
    }

    /// Subscribed names, including those whose mailbox no longer exists (for LSUB, RFC 3501 §6.3.9).
    func subscriptions() -> [String] {
        state.withLockedValue { $0.subscriptions.sorted() }
    }
}
