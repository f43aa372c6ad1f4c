import MailGaugeClient
import MailGaugeResult

/// Shows that a run left the account as it found it: `check` takes a snapshot in its
/// capability survey, before any case, and hands it here after the last; the comparison is a
/// case of its own (its verdict in every report) and the `AccountCheck` of the result.
package enum AccountGuard {
    package static let caseID = "account/unchanged"

    package static func compare(_ runner: ScenarioRunner, as account: Account, before: AccountSnapshot) async -> (ScenarioResult, AccountCheck?) {
        var check: AccountCheck?
        let identity = CaseIdentity(file: caseID, title: "The account is as the run found it",
                                    references: ["RFC 9051 §6.3.11", "RFC 1939 §5", "RFC 1939 §7"])
        let result = await runner.drive(identity, as: account) { replay in
            let after: AccountSnapshot
            switch runner.target.mailProtocol {
            case .imap:
                let connection = try await replay.openIMAP()
                after = try await AccountSnapshot.take(over: connection)
                await connection.logout()
            case .pop3:
                let connection = try await replay.openPOP3()
                after = try await AccountSnapshot.take(over: connection)
                await connection.quit()
            }
            let compared = before.check(against: after)
            check = compared
            for remark in before.remarks(to: after) { replay.note(remark) }
            replay.verify("every mailbox, message and flag the run did not create is as it was", citing: "MailGauge: leave the account as found",
                          holds: compared.unchanged,
                          observed: compared.unchanged ? ["\(compared.mailboxes) mailboxes, \(compared.messages) messages unchanged"] : compared.differences)
        }
        return (result, check)
    }
}
