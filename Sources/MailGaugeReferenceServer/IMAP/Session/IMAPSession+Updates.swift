import NIOCore

/// Keeping the client in step with a shared mailbox (RFC 9051 §5.2, §7.5.1) and IDLE (RFC 2177).
extension IMAPSession {
    /// Sends the untagged updates due, then the tagged OK. `allowingExpunge` is false for FETCH,
    /// STORE and SEARCH by sequence number: RFC 9051 §7.5.1 forbids EXPUNGE responses during
    /// them, since the client's numbers would shift under it (their UID forms allow it).
    func finishCommand(_ tag: String, _ text: String, allowingExpunge: Bool = true) {
        synchronize(allowingExpunge: allowingExpunge || faults.contains(.expungeDuringFetch))
        tagged(tag, "OK", text)
    }

    /// Reports what other sessions (or this one) changed in the selected mailbox: EXPUNGE,
    /// EXISTS, RECENT (IMAP4rev1 only), and FETCH FLAGS for changed flags.
    func synchronize(allowingExpunge: Bool) {
        guard let view = selected, let mailboxes, let mailbox = mailboxes.mailbox(named: view.name) else { return }
        let updates = view.synchronize(with: mailbox, allowExpunge: allowingExpunge) { uids in
            view.readOnly ? [] : mailboxes.claimRecent(in: view.name, uids: uids)
        }
        for sequence in updates.expunged { untagged("\(sequence) EXPUNGE") }
        if let exists = updates.exists { untagged("\(exists) EXISTS") }
        if let recent = updates.recentCount, !rev2 { untagged("\(recent) RECENT") }
        let responder = fetchResponder
        for change in updates.flagChanges {
            guard let message = mailbox.messages.first(where: { $0.uid == change.uid }) else { continue }
            var items = [FetchItem.flags, .uid]
            if condStore { items.append(.modSeq) }
            try? responder.write(sequence: change.sequence, message: message, items: items,
                                 recent: view.recent.contains(change.uid), into: &response)
        }
    }

    var fetchResponder: FetchResponder {
        FetchResponder(faults: faults, reportsRecent: !rev2, condStore: condStore)
    }

    /// RFC 2177: `+ idling`, then updates as they happen until DONE.
    func idle(tag: String) {
        continuation = .idle(tag: tag)
        response.line("+ idling")
        synchronize(allowingExpunge: true)
    }

    /// Called on this session's event loop when another session changed the selected mailbox.
    func mailboxDidChange() {
        guard case .idle = continuation else { return }
        synchronize(allowingExpunge: true)
        emit()
        transport.flush()
    }

    /// Registers for change notices on `name`, hopping to this session's event loop.
    func observe(_ name: String, in mailboxes: UserMailboxes) {
        let session = NIOLoopBound(self, eventLoop: transport.eventLoop)
        mailboxes.addObserver(MailboxObserver(id: observerID) {
            session.eventLoop.execute { session.value.mailboxDidChange() }
        }, for: name)
    }

    /// Leaves the selected state, if in it, and stops listening for changes.
    func deselect() {
        guard selected != nil else { return }
        selected = nil
        mailboxes?.removeObserver(id: observerID)
    }
}
