import MailGaugeScenario

/// What `check --seed-via` delivered: which fixtures, under which token, and the UIDs IMAP
/// gave them (APPENDUID, RFC 4315 §3) when it said. Everything the final removal needs, even
/// when locating the copies in POP3 failed.
package struct SeedDelivery: Sendable {
    package var fixtures: [SeedFixture]
    /// The `${run}` the fixtures were sent with.
    package var token: String
    /// INBOX's UIDVALIDITY and each fixture's UID, by name; empty without UIDPLUS.
    package var uidValidity: UInt32?
    package var uids: [String: UInt32] = [:]

    /// Whether every copy can be removed by its UID alone.
    var hasEveryUID: Bool { uidValidity != nil && fixtures.allSatisfy { uids[$0.name] != nil } }
}

/// The seeded copies as POP3 shows them: what `@seeded` cases address them by.
public struct SeededMessages: Sendable {
    public struct Message: Sendable, Equatable {
        public var number: Int
        public var size: Int
        /// Nil when the server has no UIDL.
        public var uniqueID: String?
    }

    /// The `${run}` the fixtures were delivered with.
    public var token: String
    public var messages: [String: Message]

    /// The variables `@seeded` defines (`ScenarioParser.seedVariables`), with their values.
    var bindings: [String: String] {
        var values = [ScenarioParser.seedRunVariable: token]
        for (name, message) in messages {
            let names = ScenarioParser.seedVariables(of: name)
            values[names[0]] = String(message.number)
            values[names[1]] = String(message.size)
            if let uniqueID = message.uniqueID { values[names[2]] = uniqueID }
        }
        return values
    }
}

/// What `@seeded` cases of a run can use.
public enum Seeding: Sendable {
    /// No `--seed-via`: seeded cases are skipped.
    case notRequested
    /// `--seed-via` was given, and the copies could not be delivered or found: why.
    case failed(String)
    case delivered(SeededMessages)

    /// Why a case seeding `names` cannot run; nil when it can.
    func unavailable(for names: [String]) -> String? {
        switch self {
        case .notRequested:
            return "needs --seed-via: known content (the run's copies of fixtures \(names.joined(separator: ", ")))"
        case .failed(let reason):
            return "needs the seeded fixtures, which --seed-via could not provide: \(reason)"
        case .delivered(let seeded):
            let missing = names.filter { seeded.messages[$0] == nil }
            return missing.isEmpty ? nil : "needs fixtures \(missing.joined(separator: ", ")), which this run did not seed"
        }
    }
}
