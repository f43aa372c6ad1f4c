import MailGaugeResult
import MailGaugeWire

/// `check --seed-via`, the end: removes every seeded copy still there, and nothing else, so
/// the maildrop is as the run found it (`AccountGuard` then shows it). Over IMAP by the UIDs
/// APPENDUID gave (UID STORE \Deleted, then UID EXPUNGE of exactly those, RFC 4315 §2.1),
/// where INBOX's UIDVALIDITY is still the one they belong to; otherwise over POP3, DELE of
/// the messages that carry a seeded Message-ID, found again, then QUIT (RFC 1939 §6).
package enum SeedRemoval {
    package static let caseID = "seed/remove"

    package static func run(_ delivery: SeedDelivery, imap: ScenarioRunner, pop3: ScenarioRunner, as account: Account,
                            before: AccountSnapshot?) async -> ScenarioResult {
        let identity = CaseIdentity(file: caseID, title: "The seeded fixtures still in the maildrop are removed, and nothing else",
                                    references: ["RFC 4315 §2.1", "RFC 1939 §6"])
        var overIMAP = false
        if delivery.hasEveryUID {
            let result = await imap.drive(identity, as: account) { replay in
                overIMAP = try await removeByUID(delivery, over: replay.openIMAP())
            }
            if overIMAP || result.status != .passed { return result }
        }
        return await pop3.drive(identity, as: account) { replay in
            try await removeByMessageID(delivery, over: replay.openPOP3(), before: before, replay: replay)
        }
    }

    /// False when the UIDs cannot be used (no UIDPLUS now, or INBOX's UIDVALIDITY changed) and
    /// POP3 has to do it.
    private static func removeByUID(_ delivery: SeedDelivery, over connection: IMAPScriptedConnection) async throws -> Bool {
        guard try await connection.capabilities().contains("UIDPLUS"), let validity = delivery.uidValidity else {
            connection.note("no UIDPLUS: removing the seeded copies over POP3 instead")
            await connection.logout()
            return false
        }
        let selected = try await connection.command("SELECT INBOX")
        guard selected.codeNumber("UIDVALIDITY") == UInt64(validity) else {
            connection.note("INBOX's UIDVALIDITY is no longer \(validity): its UIDs name other messages now; removing over POP3 instead")
            await connection.logout()
            return false
        }
        let set = delivery.fixtures.compactMap { delivery.uids[$0.name] }.map(String.init).joined(separator: ",")
        let present = try await search(set, over: connection)
        if present.isEmpty {
            connection.note("no seeded copy is left (a case deleted them): nothing to remove")
        } else {
            let uids = present.map(String.init).joined(separator: ",")
            try await connection.command("UID STORE \(uids) +FLAGS.SILENT (\\Deleted)")
            try await connection.command("UID EXPUNGE \(uids)")
        }
        let left = try await search(set, over: connection)
        connection.replay.verify("no seeded copy is left in INBOX", citing: "RFC 4315 §2.1", holds: left.isEmpty,
                                 observed: ["UIDs \(set) seeded, \(present.count) still there, \(left.count) after UID EXPUNGE"], on: connection.name)
        await connection.logout()
        return true
    }

    private static func search(_ set: String, over connection: IMAPScriptedConnection) async throws -> [UInt32] {
        var found: [UInt32] = []
        for case .untagged(.search(let uids, _))? in try await connection.command("UID SEARCH UID \(set)").map(\.response) { found += uids }
        return found
    }

    private static func removeByMessageID(_ delivery: SeedDelivery, over connection: POP3ScriptedConnection,
                                          before: AccountSnapshot?, replay: ScriptedReplay) async throws {
        let found = try await SeedLocator.find(delivery, over: connection, before: before)
        for (name, message) in found.sorted(by: { $0.value.number < $1.value.number }) {
            replay.note("message \(message.number) is the seeded copy of \(name): deleting it")
            try await connection.command("DELE \(message.number)")
        }
        // QUIT is what applies the DELEs (RFC 1939 §6): its reply must be +OK.
        try await connection.command("QUIT")
        await connection.close()
        let gone = delivery.fixtures.map(\.name).filter { found[$0] == nil }
        // A new session shows whether the DELEs took effect.
        let check = try await replay.openPOP3("check")
        let left = try await SeedLocator.find(delivery, over: check, before: before)
        await check.quit()
        replay.verify("no seeded copy is left in the maildrop", citing: "RFC 1939 §6", holds: left.isEmpty,
                      observed: ["deleted: \(found.keys.sorted().joined(separator: ", "))", "already gone: \(gone.joined(separator: ", "))",
                                 "left after QUIT: \(left.keys.sorted().joined(separator: ", "))"])
    }
}
