/// Selected-state commands (RFC 9051 §6.4): FETCH, STORE, SEARCH, COPY, MOVE, EXPUNGE, and
/// their UID forms, with UIDPLUS (RFC 4315) and CONDSTORE (RFC 7162) response codes.
extension IMAPSession {
    /// The UIDs a sequence set names in the client's view; nil when a sequence number is beyond
    /// EXISTS (answered BAD). UID sets name whatever UIDs exist (RFC 9051 §6.4.9).
    func resolve(_ set: SequenceSet, uid: Bool, in view: SelectedMailbox) -> [UInt32]? {
        if uid {
            let largest = view.uids.max() ?? 0
            return view.uids.filter { set.contains($0, largest: largest) }
        }
        guard set.largestExplicitNumber <= view.count, view.count > 0 else { return nil }
        return view.uids.enumerated().filter { set.contains(UInt32($0.offset + 1), largest: UInt32(view.count)) }.map(\.element)
    }

    /// FETCH (RFC 9051 §6.4.5). Fetching a body section without PEEK sets \Seen, and the new
    /// flags are reported with the data. Messages expunged by another session but not yet
    /// announced get NO [EXPUNGEISSUED] (RFC 5530).
    func fetch(tag: String, uid: Bool, set: SequenceSet, items: [FetchItem], changedSince: UInt64?,
               in mailboxes: UserMailboxes, view: SelectedMailbox) {
        guard let uids = resolve(set, uid: uid, in: view) else { return tagged(tag, "BAD", "invalid message sequence number") }
        if items.contains(.modSeq) { condStore = true }
        if !view.readOnly && items.contains(where: \.setsSeen) {
            _ = try? mailboxes.storeFlags(in: view.name, uids: uids, unchangedSince: nil) { $1.union([#"\Seen"#]) }
        }
        guard let mailbox = mailboxes.mailbox(named: view.name) else { return tagged(tag, "NO", "mailbox is gone") }
        let messages = Dictionary(mailbox.messages.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        let responder = fetchResponder
        let mark = response.bytes.count
        var expungeIssued = false
        for uid in uids {
            guard let message = messages[uid], let sequence = view.sequenceNumber(of: uid) else {
                expungeIssued = true
                continue
            }
            if let changedSince, message.modSeq <= changedSince { continue }
            var messageItems = items
            if view.known[uid]?.flags != message.flags && !items.contains(.flags) { messageItems.append(.flags) }
            do {
                try responder.write(sequence: sequence, message: message, items: messageItems,
                                    recent: view.recent.contains(uid), into: &response)
            } catch {
                response.truncate(to: mark)
                return tagged(tag, "NO", "[UNKNOWN-CTE] unknown Content-Transfer-Encoding")
            }
            view.noteReported(uid: uid, flags: message.flags, modSeq: message.modSeq)
        }
        if expungeIssued { return tagged(tag, "NO", "[EXPUNGEISSUED] some messages were expunged") }
        finishCommand(tag, "FETCH completed", allowingExpunge: uid)
    }

    /// STORE (RFC 9051 §6.4.6) with UNCHANGEDSINCE (RFC 7162 §3.1.3). The flag change is one
    /// atomic step on the shared mailbox, so concurrent +FLAGS from two sessions both stick —
    /// unless the `lostConcurrentFlags` fault makes it write back this session's stale view, or
    /// `nonAtomicStore` reads the flags, waits, and writes what it read changed, so a STORE from
    /// another session in between is lost.
    func store(tag: String, uid: Bool, set: SequenceSet, operation: StoreOperation, silent: Bool, flags: [String],
               unchangedSince: UInt64?, in mailboxes: UserMailboxes, view: SelectedMailbox) {
        guard let uids = resolve(set, uid: uid, in: view) else { return tagged(tag, "BAD", "invalid message sequence number") }
        guard !view.readOnly else { return tagged(tag, "NO", "mailbox is read-only") }
        if unchangedSince != nil { condStore = true }
        let flags = flags.filter { $0.lowercased() != #"\recent"# }
        let change = { (read: @escaping (UInt32, FlagSet) -> FlagSet) in
            self.applyStore(tag: tag, uid: uid, uids: uids, silent: silent, unchangedSince: unchangedSince, in: mailboxes, view: view) { uid, current in
                operation.apply(flags, to: read(uid, current))
            }
        }
        if faults.contains(.nonAtomicStore) {
            let read = Dictionary((mailboxes.mailbox(named: view.name)?.messages ?? []).map { ($0.uid, $0.flags) }, uniquingKeysWith: { first, _ in first })
            transport.pause(for: .milliseconds(50)) {
                change { uid, current in read[uid] ?? current }
                self.emit()
            }
        } else if faults.contains(.lostConcurrentFlags) {
            change { uid, current in view.known[uid]?.flags ?? current }
        } else {
            change { _, current in current }
        }
    }

    /// Writes the flags `newFlags` gives each message of `uids` and answers as STORE does.
    private func applyStore(tag: String, uid: Bool, uids: [UInt32], silent: Bool, unchangedSince: UInt64?,
                            in mailboxes: UserMailboxes, view: SelectedMailbox, newFlags: (UInt32, FlagSet) -> FlagSet) {
        let outcome: (changes: [UserMailboxes.FlagChange], modified: [UInt32])
        do {
            outcome = try mailboxes.storeFlags(in: view.name, uids: uids, unchangedSince: unchangedSince, update: newFlags)
        } catch {
            return tagged(tag, "NO", "mailbox is gone")
        }
        let responder = fetchResponder
        let current = mailboxes.mailbox(named: view.name)?.messages ?? []
        for change in outcome.changes {
            guard let sequence = view.sequenceNumber(of: change.uid) else { continue }
            view.noteReported(uid: change.uid, flags: change.flags, modSeq: change.modSeq)
            guard !silent || unchangedSince != nil, var message = current.first(where: { $0.uid == change.uid }) else { continue }
            (message.flags, message.modSeq) = (change.flags, change.modSeq)
            var items: [FetchItem] = silent ? [] : [.flags]
            if uid || condStore { items.append(.uid) }
            try? responder.write(sequence: sequence, message: message, items: items, recent: view.recent.contains(change.uid), into: &response)
        }
        let modified = outcome.modified.isEmpty ? "" : "[MODIFIED \(SequenceSetFormatter.format(outcome.modified))] "
        finishCommand(tag, modified + "STORE completed", allowingExpunge: uid)
    }

    /// SEARCH (RFC 9051 §6.4.4): `* SEARCH` for IMAP4rev1 clients, `* ESEARCH` (RFC 4731) when
    /// RETURN options are given or IMAP4rev2 is enabled.
    func search(tag: String, uid: Bool, returnOptions: [String]?, key: SearchKey, in mailboxes: UserMailboxes, view: SelectedMailbox) {
        guard let mailbox = mailboxes.mailbox(named: view.name) else { return tagged(tag, "NO", "mailbox is gone") }
        let evaluator = SearchEvaluator(mailbox: mailbox, view: view)
        let messages = Dictionary(mailbox.messages.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [UInt32] = []
        var highestModSeq: UInt64 = 0
        for (offset, messageUID) in view.uids.enumerated() {
            guard let message = messages[messageUID], evaluator.matches(key, message: message, sequence: offset + 1) else { continue }
            results.append(uid ? messageUID : UInt32(offset + 1))
            highestModSeq = max(highestModSeq, message.modSeq)
        }
        let usesModSeq = Self.mentionsModSeq(key)
        if usesModSeq { condStore = true }
        if returnOptions != nil || rev2 {
            let options = (returnOptions ?? []).isEmpty ? ["ALL"] : returnOptions!
            var text = "ESEARCH (TAG \"\(tag)\")" + (uid ? " UID" : "")
            if options.contains("MIN"), let min = results.min() { text += " MIN \(min)" }
            if options.contains("MAX"), let max = results.max() { text += " MAX \(max)" }
            if options.contains("ALL") && !results.isEmpty { text += " ALL \(SequenceSetFormatter.format(results))" }
            if options.contains("COUNT") { text += " COUNT \(results.count)" }
            if usesModSeq && !results.isEmpty { text += " MODSEQ \(highestModSeq)" }
            untagged(text)
        } else {
            let modSeq = usesModSeq && !results.isEmpty ? " (MODSEQ \(highestModSeq))" : ""
            untagged((["SEARCH"] + results.map(String.init)).joined(separator: " ") + modSeq)
        }
        finishCommand(tag, "SEARCH completed", allowingExpunge: uid)
    }

    private static func mentionsModSeq(_ key: SearchKey) -> Bool {
        switch key {
        case .modSeq: true
        case .not(let inner): mentionsModSeq(inner)
        case .or(let first, let second): mentionsModSeq(first) || mentionsModSeq(second)
        case .and(let keys): keys.contains(where: mentionsModSeq)
        default: false
        }
    }

    /// COPY (RFC 9051 §6.4.7) and MOVE (RFC 6851), answering with COPYUID (RFC 4315 §3). MOVE
    /// sends COPYUID in an untagged OK before its EXPUNGE responses (RFC 6851 §4.3).
    func transfer(tag: String, uid: Bool, set: SequenceSet, to target: String, move: Bool,
                  in mailboxes: UserMailboxes, view: SelectedMailbox) {
        guard let uids = resolve(set, uid: uid, in: view) else { return tagged(tag, "BAD", "invalid message sequence number") }
        if move && view.readOnly { return tagged(tag, "NO", "mailbox is read-only") }
        let verb = move ? "MOVE" : "COPY"
        let result: (uidValidity: UInt32, pairs: [(source: UInt32, target: UInt32)])
        do {
            result = try mailboxes.transfer(uids: uids, from: view.name, to: target, removingFromSource: move)
        } catch {
            return tagged(tag, "NO", "[TRYCREATE] no such mailbox")
        }
        guard !result.pairs.isEmpty else { return finishCommand(tag, "\(verb) completed", allowingExpunge: true) }
        let code = "[COPYUID \(result.uidValidity) \(SequenceSetFormatter.format(result.pairs.map(\.source))) "
            + "\(SequenceSetFormatter.format(result.pairs.map(\.target)))]"
        if move {
            untagged("OK \(code) moved")
            finishCommand(tag, "MOVE completed")
        } else {
            finishCommand(tag, "\(code) COPY completed")
        }
    }

    /// EXPUNGE (RFC 9051 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1).
    func expunge(tag: String, uids set: SequenceSet?, in mailboxes: UserMailboxes, view: SelectedMailbox) {
        guard !view.readOnly else { return tagged(tag, "NO", "mailbox is read-only") }
        let limit = set.map { set in Set(view.uids.filter { set.contains($0, largest: view.uids.max() ?? 0) }) }
        _ = try? mailboxes.expunge(in: view.name, uids: limit)
        finishCommand(tag, "EXPUNGE completed")
    }
}
