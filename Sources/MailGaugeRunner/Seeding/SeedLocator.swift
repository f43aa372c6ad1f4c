import Foundation
import MailGaugeResult
import MailGaugeWire

/// `check --seed-via`, second half: finds the copies `SeedAppend` delivered in the POP3
/// maildrop by their Message-IDs, so `@seeded` cases address them by the numbers the server
/// gave them, never by an assumed position.
package enum SeedLocator {
    package static let caseID = "seed/locate"

    package static func run(_ delivery: SeedDelivery, on runner: ScenarioRunner, as account: Account,
                            before: AccountSnapshot?) async -> (ScenarioResult, SeededMessages?) {
        var seeded: SeededMessages?
        let identity = CaseIdentity(file: caseID, title: "The seeded fixtures are found in the POP3 maildrop by their Message-IDs",
                                    references: ["RFC 1939 §7"])
        let result = await runner.drive(identity, as: account) { replay in
            let connection = try await replay.openPOP3()
            let found = try await find(delivery, over: connection, before: before)
            let sizes = Dictionary(POP3ListingPairs.parse(try await connection.command("LIST", expecting: .ok).body ?? []).map { ($0.number, $0.value) },
                                   uniquingKeysWith: { first, _ in first })
            await connection.quit()
            var messages: [String: SeededMessages.Message] = [:]
            for (name, message) in found {
                guard let size = sizes[message.number].flatMap(Int.init) else { continue }
                messages[name] = .init(number: message.number, size: size, uniqueID: message.uniqueID)
            }
            let missing = delivery.fixtures.map(\.name).filter { messages[$0] == nil }
            replay.verify("every seeded fixture is in the maildrop once, found by its Message-ID", citing: "MailGauge: --seed-via",
                          holds: missing.isEmpty,
                          observed: messages.sorted { $0.key < $1.key }.map { "\($0.key): message \($0.value.number), \($0.value.size) octets, unique-id \($0.value.uniqueID ?? "none (no UIDL)")" }
                            + missing.map { "\($0): not found" })
            seeded = SeededMessages(token: delivery.token, messages: messages)
        }
        return (result, result.status == .passed ? seeded : nil)
    }

    /// The copies of `delivery`'s fixtures in the maildrop, by fixture name. Only messages
    /// that were not there `before` (UIDL) are read, newest first; without UIDL, every
    /// message from the last down, until each fixture is found. A message counts only when
    /// its header carries a fixture's Message-ID with this delivery's token, so nothing of
    /// the account's own is ever taken for a seeded copy.
    static func find(_ delivery: SeedDelivery, over connection: POP3ScriptedConnection,
                     before: AccountSnapshot?) async throws -> [String: (number: Int, uniqueID: String?)] {
        guard let stat = POP3ListingPairs.statusPair(try await connection.command("STAT")) else {
            throw ScriptFailure("STAT gave no message count")
        }
        let uidl = try await connection.command("UIDL", expecting: nil)
        let uniqueIDs = uidl.status == .ok ? Dictionary(POP3ListingPairs.parse(uidl.body ?? []).map { ($0.number, $0.value) },
                                                         uniquingKeysWith: { first, _ in first }) : nil
        let known = Set(before?.maildrop?.uniqueIDs ?? [])
        var candidates = stat.number > 0 ? Array((1...stat.number).reversed()) : []
        if let uniqueIDs, before?.maildrop?.uniqueIDs != nil {
            candidates = candidates.filter { uniqueIDs[$0].map { !known.contains($0) } ?? true }
        }
        let wanted = Dictionary(uniqueKeysWithValues: delivery.fixtures.map { ($0.messageID(token: delivery.token), $0.name) })
        var found: [String: (number: Int, uniqueID: String?)] = [:]
        for number in candidates where found.count < wanted.count {
            var header = try await connection.command("TOP \(number) 0", expecting: nil)
            if header.status != .ok { header = try await connection.command("RETR \(number)") }
            guard let id = messageID(in: header.body ?? []), let name = wanted[id], found[name] == nil else { continue }
            found[name] = (number, uniqueIDs?[number])
        }
        return found
    }

    /// The Message-ID header's value in a message's header lines (RFC 5322 §3.6.4), folding ignored.
    static func messageID(in lines: PackedLines) -> String? {
        for line in lines {
            if line.isEmpty { return nil }
            let text = String(decoding: line, as: UTF8.self)
            guard text.lowercased().hasPrefix("message-id:") else { continue }
            return text.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
