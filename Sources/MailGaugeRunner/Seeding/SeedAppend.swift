import MailGaugeResult
import MailGaugeWire

/// `check --seed-via imap://…`, first half: APPENDs the fixtures the POP3 suite's `@seeded`
/// cases read to INBOX over IMAP, as the same account (POP3 cannot create messages; Dovecot,
/// Cyrus and Courier serve the one INBOX over both). It is a scripted replay on an IMAP
/// runner, so the login goes through the IMAP secret guard: no password on a plain
/// connection where the server says LOGINDISABLED.
package enum SeedAppend {
    package static let caseID = "seed/append"

    /// Appends `fixtures` in the order given, each with the replay's `${run}` in it. The
    /// delivery is returned whenever any APPEND may have succeeded, so that what did arrive is
    /// removed at the end even if a later APPEND failed.
    package static func run(_ fixtures: [SeedFixture], via runner: ScenarioRunner, as account: Account) async -> (ScenarioResult, SeedDelivery?) {
        var delivery: SeedDelivery?
        let identity = CaseIdentity(file: caseID, title: "The seed fixtures are appended to INBOX over IMAP (--seed-via \(runner.target))",
                                    references: ["RFC 9051 §6.3.12", "RFC 4315 §3"])
        let result = await runner.drive(identity, as: account) { replay in
            let connection = try await replay.openIMAP()
            delivery = SeedDelivery(fixtures: fixtures, token: replay.runToken)
            for fixture in fixtures {
                connection.note("appending fixtures/\(fixture.name).eml, Message-ID \(fixture.messageID(token: replay.runToken))")
                let responses = try await connection.append(to: "INBOX", fixture.lines)
                guard responses.last?.response?.status == .ok else { throw ScriptFailure("APPEND of \(fixture.name) was refused") }
                if case .appendUID(let validity, let uids)? = responses.last?.response?.responseCode, let uid = uids.ranges.first?.lowerBound {
                    delivery?.uidValidity = validity
                    delivery?.uids[fixture.name] = uid
                }
            }
            if delivery?.hasEveryUID != true {
                connection.note("no APPENDUID (UIDPLUS, RFC 4315): the copies will be removed over POP3, found by their Message-IDs")
            }
            await connection.logout()
        }
        return (result, delivery)
    }
}
