/// Authenticated-state commands on mailboxes (RFC 9051 §6.3): SELECT/EXAMINE, the hierarchy,
/// LIST/LSUB, STATUS and APPEND.
extension IMAPSession {
    static let systemFlags = FlagSet.systemFlags.joined(separator: " ")

    /// RFC 9051 §6.3.2 (SELECT) and §6.3.3 (EXAMINE); RFC 3501 §6.3.1 adds RECENT and UNSEEN.
    func select(tag: String, _ name: String, readOnly: Bool, condStore requested: Bool, in mailboxes: UserMailboxes) {
        let wasSelected = selected != nil
        deselect()
        if requested { condStore = true }
        if wasSelected && (rev2 || condStore) { untagged("OK [CLOSED] previous mailbox closed") }
        guard let mailbox = mailboxes.mailbox(named: name) else { return tagged(tag, "NO", "[NONEXISTENT] no such mailbox") }
        let uids = mailbox.messages.map(\.uid)
        let recent = readOnly ? mailbox.unclaimedRecent.intersection(uids) : mailboxes.claimRecent(in: name, uids: uids)
        let view = SelectedMailbox(mailbox: mailbox, readOnly: readOnly, recent: recent)
        selected = view
        observe(name, in: mailboxes)

        let keywords = Set(mailbox.messages.flatMap { $0.flags.ordered.filter { !$0.hasPrefix("\\") } }).sorted()
        let flags = ([Self.systemFlags] + keywords).joined(separator: " ")
        untagged("FLAGS (\(flags)" + (faults.contains(.imapBadAtom) ? "" : ")"))
        untagged(readOnly ? "OK [PERMANENTFLAGS ()] read-only mailbox" : "OK [PERMANENTFLAGS (\(flags) \\*)] flags permitted")
        untagged("\(mailbox.messages.count) EXISTS")
        if !rev2 {
            untagged("\(recent.count) RECENT")
            if let firstUnseen = mailbox.messages.firstIndex(where: { !$0.flags.contains(#"\Seen"#) }) {
                untagged("OK [UNSEEN \(firstUnseen + 1)] first unseen message")
            }
        }
        untagged("OK [UIDVALIDITY \(reportedUIDValidity(mailbox))] UIDs valid")
        untagged("OK [UIDNEXT \(reportedUIDNext(mailbox))] predicted next UID")
        if condStore { untagged("OK [HIGHESTMODSEQ \(mailbox.highestModSeq)] highest mod-sequence") }
        if rev2 {
            response.text("* LIST () \"/\" ")
            response.mailbox(mailbox.name)
            response.endLine()
        }
        tagged(tag, "OK", readOnly ? "[READ-ONLY] EXAMINE completed" : "[READ-WRITE] SELECT completed")
    }

    /// UIDVALIDITY as reported: the mailbox's, or a new one each time under `uidValidityChanges`.
    private func reportedUIDValidity(_ mailbox: Mailbox) -> UInt32 {
        faults.contains(.uidValidityChanges) ? mailbox.uidValidity &+ UInt32(truncatingIfNeeded: server.nextSerial()) : mailbox.uidValidity
    }

    /// UIDNEXT as reported: one past the last UID handed out, or that UID under `uidNextTooLow`.
    private func reportedUIDNext(_ mailbox: Mailbox) -> UInt32 {
        faults.contains(.uidNextTooLow) ? max(1, mailbox.uidNext - 1) : mailbox.uidNext
    }

    /// CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE: OK, or NO with the RFC 5530 code.
    func changeHierarchy(tag: String, _ verb: String, _ change: () throws -> Void) {
        do {
            try change()
            tagged(tag, "OK", "\(verb) completed")
        } catch StoreError.noSuchMailbox {
            tagged(tag, "NO", "[NONEXISTENT] no such mailbox")
        } catch StoreError.alreadyExists {
            tagged(tag, "NO", "[ALREADYEXISTS] mailbox already exists")
        } catch StoreError.unsupportedUse {
            tagged(tag, "NO", "[USEATTR] only one of \\All \\Archive \\Drafts \\Flagged \\Junk \\Sent \\Trash")
        } catch StoreError.cannot(let reason) {
            tagged(tag, "NO", "[CANNOT] \(reason)")
        } catch {
            tagged(tag, "NO", "[SERVERBUG] \(error)")
        }
    }

    /// LIST (RFC 9051 §6.3.9) with RFC 5258 selection and return options, RFC 6154 special-use
    /// attributes and RFC 5819 STATUS return.
    func list(tag: String, _ command: IMAPListCommand, in mailboxes: UserMailboxes) {
        if command.patterns == [""] {
            untagged(#"LIST (\Noselect) "/" """#)
            return tagged(tag, "OK", "LIST completed")
        }
        let subscribedOnly = command.selectionOptions.contains("SUBSCRIBED")
        let specialUseOnly = command.selectionOptions.contains("SPECIAL-USE")
        let showSubscribed = subscribedOnly || command.returnOptions.contains("SUBSCRIBED")
        for listing in mailboxes.listings() {
            guard command.patterns.contains(where: { MailboxName.matches(listing.name, pattern: command.reference + $0) }),
                  !subscribedOnly || listing.subscribed, !specialUseOnly || listing.specialUse != nil else { continue }
            var attributes = [listing.hasChildren ? #"\HasChildren"# : #"\HasNoChildren"#]
            if let specialUse = listing.specialUse { attributes.append(specialUse) }
            if showSubscribed && listing.subscribed { attributes.append(#"\Subscribed"#) }
            response.text("* LIST (\(attributes.joined(separator: " "))) \"/\" ")
            response.mailbox(listing.name)
            response.endLine()
            if let items = command.statusItems, let mailbox = mailboxes.mailbox(named: listing.name) {
                writeStatus(mailbox, items: items)
            }
        }
        tagged(tag, "OK", "LIST completed")
    }

    /// LSUB (RFC 3501 §6.3.9): subscribed names, whether or not the mailbox exists. IMAP4rev1 only.
    func lsub(tag: String, reference: String, pattern: String, in mailboxes: UserMailboxes) {
        guard !rev2 else { return tagged(tag, "BAD", "LSUB is not part of IMAP4rev2: use LIST (SUBSCRIBED)") }
        for name in mailboxes.subscriptions() where MailboxName.matches(name, pattern: reference + pattern) {
            response.text("* LSUB () \"/\" ")
            response.mailbox(name)
            response.endLine()
        }
        tagged(tag, "OK", "LSUB completed")
    }

    /// STATUS (RFC 9051 §6.3.11).
    func status(tag: String, _ name: String, items: [String], in mailboxes: UserMailboxes) {
        // RFC 9051 Appendix E: IMAP4rev2 dropped the RECENT status item.
        let known = Set(["MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "SIZE", "DELETED", "HIGHESTMODSEQ"] + (rev2 ? [] : ["RECENT"]))
        if let unknown = items.first(where: { !known.contains($0) }) { return tagged(tag, "BAD", "unknown STATUS item \(unknown)") }
        guard let mailbox = mailboxes.mailbox(named: name) else { return tagged(tag, "NO", "[NONEXISTENT] no such mailbox") }
        if items.contains("HIGHESTMODSEQ") { condStore = true }
        writeStatus(mailbox, items: items)
        finishCommand(tag, "STATUS completed")
    }

    private func writeStatus(_ mailbox: Mailbox, items: [String]) {
        let values = items.map { item -> String in
            let value: String
            switch item {
            case "MESSAGES": value = "\(mailbox.messages.count)"
            case "RECENT": value = "\(mailbox.unclaimedRecent.count)"
            case "UIDNEXT": value = "\(reportedUIDNext(mailbox))"
            case "UIDVALIDITY": value = "\(mailbox.uidValidity)"
            case "UNSEEN": value = "\(mailbox.unseenCount)"
            case "SIZE": value = "\(mailbox.messages.reduce(0) { $0 + $1.content.size })"
            case "DELETED": value = "\(mailbox.messages.count { $0.flags.contains(#"\Deleted"#) })"
            default: value = "\(mailbox.highestModSeq)"
            }
            return "\(item) \(value)"
        }
        response.text("* STATUS ")
        response.mailbox(mailbox.name)
        response.line(" (\(values.joined(separator: " ")))")
    }

    /// APPEND (RFC 9051 §6.3.12) with APPENDUID (RFC 4315 §3); a missing mailbox is
    /// NO [TRYCREATE] so the client knows CREATE would help.
    func append(tag: String, to name: String, flags: [String], date: Int64?, message: [UInt8], in mailboxes: UserMailboxes) {
        let flags = FlagSet(flags.filter { $0.lowercased() != #"\recent"# })
        do {
            let (uidValidity, uid) = try mailboxes.append(to: name, content: MessageContent(bytes: message), flags: flags,
                                                         internalDate: date ?? WallClock.secondsSince1970())
            finishCommand(tag, "[APPENDUID \(uidValidity) \(uid)] APPEND completed")
        } catch {
            tagged(tag, "NO", "[TRYCREATE] no such mailbox")
        }
    }
}
