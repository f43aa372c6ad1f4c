import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// Scratch messages: probes append their own messages and remove them again, so a run
/// leaves the account's mailboxes as it found them (users run checks repeatedly on one account).
extension IMAPScriptedConnection {
    /// Appends a small message whose Subject carries `token`, to find it again by SEARCH.
    func appendScratch(to mailbox: String = "INBOX", token: String) async throws {
        try await append(to: mailbox, ["From: MailGauge <mailgauge@example.test>", "Subject: MailGauge probe \(token)", "",
                                       "A scratch message of a MailGauge conformance probe; safe to delete."])
    }

    /// The UIDs of the selected mailbox's scratch messages carrying `token`.
    func scratchUIDs(_ token: String) async throws -> [UInt32] {
        let responses = try await command("UID SEARCH SUBJECT \"MailGauge probe \(token)\"")
        return responses.compactMap(\.response).flatMap { response -> [UInt32] in
            if case .untagged(.search(let uids, _)) = response { return uids }
            return []
        }
    }

    /// The UID of the scratch message carrying `token`, which this session must see to test
    /// anything with it. Not seeing it is not a verdict of its own: SEARCH found nothing, or
    /// the server did not tell this session of another's APPEND (no EXISTS after NOOP), so the
    /// probe is skipped, saying which.
    func scratchUID(_ token: String, appendedBy writer: String) async throws -> UInt32 {
        guard let uid = try await scratchUIDs(token).first else {
            let how = writer == name ? "it appended" : "\(writer) appended (after NOOP, no EXISTS announced it)"
            throw ScriptSkipped("\(name) cannot find the scratch message \(how) with UID SEARCH SUBJECT, so the rule cannot be tested")
        }
        return uid
    }

    /// Deletes the selected mailbox's scratch messages carrying `token`: UID EXPUNGE when the
    /// server has UIDPLUS (RFC 4315 §2.1), so no other \Deleted message goes with them. Without
    /// it, EXPUNGE would remove every \Deleted message (RFC 9051 §6.4.3), the account's own
    /// too: it is sent only when SEARCH DELETED finds none but the scratch messages; otherwise
    /// they are unmarked and left, said in the transcript (and by the account check).
    func discardScratch(_ token: String, capabilities: Set<String>) async throws {
        let uids = try await scratchUIDs(token)
        guard !uids.isEmpty else { return }
        let set = uids.map(String.init).joined(separator: ",")
        try await command("UID STORE \(set) +FLAGS.SILENT (\\Deleted)")
        if capabilities.contains("UIDPLUS") {
            try await command("UID EXPUNGE \(set)")
            return
        }
        let marked = try await command("UID SEARCH DELETED").flatMap { response -> [UInt32] in
            if case .untagged(.search(let found, _))? = response.response { found } else { [] }
        }
        guard Set(marked).isSubset(of: uids) else {
            note("scratch message \(set) left in the mailbox: without UIDPLUS, EXPUNGE would also remove the account's own \\Deleted messages")
            try await command("UID STORE \(set) -FLAGS.SILENT (\\Deleted)")
            return
        }
        try await command("EXPUNGE")
    }

    /// SELECT (RFC 9051 §6.3.2) that a probe writes through: a server may give a second session
    /// read-only access (RFC 9051 §7.1, READ-ONLY), and a probe whose STORE or EXPUNGE would
    /// then do nothing cannot test its rule, so it is skipped with the reason.
    @discardableResult
    func selectWritable(_ command: String = "SELECT INBOX") async throws -> [IMAPReceived] {
        let selected = try await self.command(command)
        if selected.contains(where: { $0.response?.responseCode?.name == "READ-ONLY" }) {
            throw ScriptSkipped("needs \(name)'s \(command) read-write; it gave READ-ONLY")
        }
        return selected
    }

    /// The flags of message `uid` as FETCH reports them now.
    func flags(ofUID uid: UInt32) async throws -> [String] {
        let responses = try await command("UID FETCH \(uid) (FLAGS)")
        for case .untagged(.fetch(_, let attributes))? in responses.map(\.response) {
            for case .flags(let flags) in attributes { return flags }
        }
        return []
    }
}

/// A token unique enough to tell this run's scratch messages from any other's.
func scratchToken() -> String {
    String(UInt64.random(in: 0...UInt64.max), radix: 36)
}

extension ProbeContext {
    /// Appends a scratch message through `writer`, runs `body` with its token, then removes the
    /// message through `cleaner` (INBOX selected afresh) whatever `body` did — passed, failed,
    /// skipped or lost a connection — so a probe leaves INBOX as it found it.
    func withScratchMessage(appendedBy writer: IMAPScriptedConnection, removedBy cleaner: IMAPScriptedConnection,
                            _ body: (String) async throws -> Void) async throws {
        let token = scratchToken()
        try await writer.appendScratch(token: token)
        do {
            try await body(token)
        } catch {
            replay.note("removing the scratch message after: \(error)", on: cleaner.name)
            _ = try? await cleaner.command("SELECT INBOX")
            try? await cleaner.discardScratch(token, capabilities: capabilities)
            throw error
        }
        try await cleaner.command("SELECT INBOX")
        try await cleaner.discardScratch(token, capabilities: capabilities)
    }
}
