import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// Scratch mail: probes work in a mailbox of their own (the replay's `${box}`), append their
/// own messages there and delete the mailbox after, so they never touch the account's mail —
/// not even its messages marked \Deleted, which an EXPUNGE in INBOX would take along.
extension IMAPScriptedConnection {
    /// Appends a small message whose Subject carries `token`, to find it again by SEARCH.
    func appendScratch(to mailbox: String, token: String) async throws {
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

    /// Expunges the selected mailbox's scratch messages carrying `token`. The mailbox is the
    /// probe's own, so every \Deleted message in it is a scratch message and EXPUNGE
    /// (RFC 9051 §6.4.3) removes nothing else.
    func expungeScratch(_ token: String) async throws {
        let uids = try await scratchUIDs(token)
        guard !uids.isEmpty else { return }
        try await command("UID STORE \(uids.map(String.init).joined(separator: ",")) +FLAGS.SILENT (\\Deleted)")
        try await command("EXPUNGE")
    }

    /// SELECT (RFC 9051 §6.3.2) that a probe writes through: a server may give a second session
    /// read-only access (RFC 9051 §7.1, READ-ONLY), and a probe whose STORE or EXPUNGE would
    /// then do nothing cannot test its rule, so it is skipped with the reason.
    @discardableResult
    func selectWritable(_ mailbox: String, parameters: String = "") async throws -> [IMAPReceived] {
        let command = "SELECT \(mailbox)\(parameters.isEmpty ? "" : " " + parameters)"
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

extension ProbeContext {
    /// CREATEs the probe's own mailbox through `creator`, runs `body` with its name, then
    /// DELETEs it with every message in it (RFC 9051 §6.3.5), whatever `body` did — passed,
    /// failed, skipped or lost a connection — on a connection of its own, as the sessions may
    /// be in any state. A server that cannot create it skips the probe; one that refuses the
    /// DELETE while a session still has it selected leaves it to the account guard's sweep.
    func withScratchMailbox(createdBy creator: IMAPScriptedConnection, _ body: (String) async throws -> Void) async throws {
        let mailbox = replay.ownMailbox
        let created = try await creator.command("CREATE \(mailbox)", expecting: nil)
        guard created.last?.response?.status == .ok else {
            throw ScriptSkipped("\(creator.name) cannot CREATE a mailbox of the probe's own (\(mailbox)), and the probe touches no other")
        }
        do {
            try await body(mailbox)
        } catch {
            await deleteScratchMailbox(mailbox, after: "\(error)")
            throw error
        }
        await deleteScratchMailbox(mailbox, after: nil)
    }

    /// Appends a scratch message to `mailbox` through `writer` and runs `body` with its token.
    func withScratchMessage(in mailbox: String, appendedBy writer: IMAPScriptedConnection, _ body: (String) async throws -> Void) async throws {
        let token = replay.runToken
        try await writer.appendScratch(to: mailbox, token: token)
        try await body(token)
    }

    private func deleteScratchMailbox(_ mailbox: String, after failure: String?) async {
        if let failure { replay.note("deleting the probe's mailbox after: \(failure)", on: "cleanup") }
        guard let cleanup = try? await imapSession("cleanup") else { return }
        _ = try? await cleanup.command("DELETE \(mailbox)", expecting: nil)
        await cleanup.logout()
    }
}
