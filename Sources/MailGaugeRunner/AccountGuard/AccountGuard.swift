import MailGaugeClient
import MailGaugeResult
import MailGaugeWire

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
            var leftovers: [String] = []
            switch runner.target.mailProtocol {
            case .imap:
                let connection = try await replay.openIMAP()
                leftovers = try await removeLeftovers(over: connection, options: runner.options)
                after = try await AccountSnapshot.take(over: connection)
                await connection.logout()
            case .pop3:
                let connection = try await replay.openPOP3()
                after = try await AccountSnapshot.take(over: connection)
                await connection.quit()
            }
            var compared = before.check(against: after)
            compared.leftovers = leftovers.isEmpty ? nil : leftovers
            check = compared
            for remark in before.remarks(to: after) { replay.note(remark) }
            replay.verify("every mailbox, message and flag the run did not create is as it was", citing: "MailGauge: leave the account as found",
                          holds: compared.unchanged,
                          observed: compared.unchanged ? ["\(compared.mailboxes) mailboxes, \(compared.messages) messages unchanged"] : compared.differences)
            if !leftovers.isEmpty {
                replay.warn(Finding(rule: "mailgauge.leftover-mailbox", reference: "MailGauge: leave the account as found", severity: .warning,
                                    message: "cases of this run left mailboxes behind, deleted by the final sweep", bytes: []),
                            observed: leftovers)
            }
        }
        return (result, check)
    }

    /// Deletes the mailboxes this run made that are still there: every replay names its own
    /// `${box}` after the run's token, so LIST finds exactly those, never the account's or
    /// another run's. Cases delete what they make; one that timed out (no cleanup runs then)
    /// or whose DELETE did not delete leaves one, which is said in the transcript. One the
    /// sweep cannot delete either stays, and the final snapshot shows it as a difference.
    private static func removeLeftovers(over connection: IMAPScriptedConnection, options: RunnerOptions) async throws -> [String] {
        let pattern = options.mailboxPrefix + "MailGauge-" + options.runToken + "x*"
        let listed = try await connection.command("LIST \"\" \(pattern)")
        var removed: [String] = []
        for case .untagged(.list(let listing))? in listed.map(\.response) {
            connection.note("\(listing.name) is a mailbox of this run's that a case left behind: deleting it")
            let deleted = try await connection.command("DELETE \(listing.name)")
            if deleted.last?.response?.status == .ok { removed.append(listing.name) }
        }
        return removed
    }
}
