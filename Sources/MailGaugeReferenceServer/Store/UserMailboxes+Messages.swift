/// Changes to the messages of a mailbox: what APPEND, STORE, EXPUNGE, COPY, MOVE and the POP3
/// UPDATE state do to the shared state.
extension UserMailboxes {
    /// The outcome of a flag change on one message.
    struct FlagChange: Sendable {
        let uid: UInt32
        let flags: FlagSet
        let modSeq: UInt64
    }

    /// Adds a message (APPEND, RFC 9051 §6.3.12); returns UIDVALIDITY and the new UID for APPENDUID.
    func append(to name: String, content: MessageContent, flags: FlagSet, internalDate: Int64) throws -> (uidValidity: UInt32, uid: UInt32) {
        try mutate(notifying: [name]) { state in
            let key = MailboxName.key(name)
            guard state.mailboxes[key] != nil else { throw StoreError.noSuchMailbox }
            var uid = state.mailboxes[key]!.add(content, flags: flags, internalDate: internalDate, recent: true)
            if faults.contains(.uidsNotAscending), state.mailboxes[key]!.messages.count > 1 {
                uid = state.mailboxes[key]!.swapLastTwoUIDs()
            }
            return (state.mailboxes[key]!.uidValidity, uid)
        }
    }

    /// Sets the flags of each message in `uids` to `update(uid, current flags)`, atomically.
    /// Messages changed after `unchangedSince` are left alone and returned as `modified`
    /// (RFC 7162 §3.1.3); messages that are gone are skipped.
    func storeFlags(in name: String, uids: [UInt32], unchangedSince: UInt64?,
                    update: (UInt32, FlagSet) -> FlagSet) throws -> (changes: [FlagChange], modified: [UInt32]) {
        try mutate(notifying: [name]) { state in
            let key = MailboxName.key(name)
            guard var mailbox = state.mailboxes[key] else { throw StoreError.noSuchMailbox }
            var changes: [FlagChange] = [], modified: [UInt32] = []
            for uid in uids {
                guard let index = mailbox.index(ofUID: uid) else { continue }
                if let unchangedSince, mailbox.messages[index].modSeq > unchangedSince {
                    modified.append(uid)
                    continue
                }
                let flags = update(uid, mailbox.messages[index].flags)
                if flags != mailbox.messages[index].flags {
                    mailbox.messages[index].flags = flags
                    mailbox.messages[index].modSeq = nextModSeq(&mailbox)
                }
                changes.append(FlagChange(uid: uid, flags: flags, modSeq: mailbox.messages[index].modSeq))
            }
            state.mailboxes[key] = mailbox
            return (changes, modified)
        }
    }

    /// Removes the messages flagged \Deleted, only those in `uids` when given (UID EXPUNGE,
    /// RFC 4315 §2.1); returns the UIDs removed.
    @discardableResult
    func expunge(in name: String, uids: Set<UInt32>? = nil) throws -> [UInt32] {
        try mutate(notifying: [name]) { state in
            let key = MailboxName.key(name)
            guard var mailbox = state.mailboxes[key] else { throw StoreError.noSuchMailbox }
            let removed = mailbox.messages.filter { $0.flags.contains(#"\Deleted"#) && (uids?.contains($0.uid) ?? true) }.map(\.uid)
            let removedSet = Set(removed)
            mailbox.messages.removeAll { removedSet.contains($0.uid) }
            mailbox.unclaimedRecent.subtract(removedSet)
            if !removed.isEmpty { _ = nextModSeq(&mailbox) }
            state.mailboxes[key] = mailbox
            return removed
        }
    }

    /// Removes messages by UID whatever their flags: the POP3 UPDATE state (RFC 1939 §6).
    func remove(uids: Set<UInt32>, from name: String) {
        mutate(notifying: [name]) { state in
            let key = MailboxName.key(name)
            state.mailboxes[key]?.messages.removeAll { uids.contains($0.uid) }
            state.mailboxes[key]?.unclaimedRecent.subtract(uids)
        }
    }

    /// Copies messages (COPY, RFC 9051 §6.4.7), optionally removing them from the source in the
    /// same step (MOVE, RFC 6851). Returns the target's UIDVALIDITY and (source, new) UID pairs
    /// for COPYUID (RFC 4315 §3).
    func transfer(uids: [UInt32], from source: String, to target: String, removingFromSource: Bool) throws
        -> (uidValidity: UInt32, pairs: [(source: UInt32, target: UInt32)]) {
        try mutate(notifying: [source, target]) { state in
            let sourceKey = MailboxName.key(source), targetKey = MailboxName.key(target)
            guard let from = state.mailboxes[sourceKey] else { throw StoreError.noSuchMailbox }
            guard state.mailboxes[targetKey] != nil else { throw StoreError.noSuchMailbox }
            var pairs: [(source: UInt32, target: UInt32)] = []
            for uid in uids {
                guard let message = from.messages.first(where: { $0.uid == uid }) else { continue }
                let newUID = state.mailboxes[targetKey]!.add(message.content, flags: message.flags,
                                                              internalDate: message.internalDate, recent: true)
                pairs.append((uid, newUID))
            }
            if removingFromSource {
                let moved = Set(pairs.map(\.source))
                state.mailboxes[sourceKey]?.messages.removeAll { moved.contains($0.uid) }
                state.mailboxes[sourceKey]?.unclaimedRecent.subtract(moved)
            }
            return (state.mailboxes[targetKey]!.uidValidity, pairs)
        }
    }
}
