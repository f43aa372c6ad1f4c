import Foundation
import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import Testing

/// `@connect name as ACCOUNT` against the reference server: each connection logs in as its own
/// account of the run's, with that account's secrets masked, and a scenario naming an account
/// the run lacks is skipped, saying so, before any connection.
struct AccountRosterReplayTests {
    private static let roster = AccountRoster((1...3).map { Account(user: "user\($0)", password: "mg-pass-\($0)") })

    private func replay(_ scenario: Scenario, roster: AccountRoster = roster, as account: Account = roster.accounts[0],
                        faults: Set<Fault> = []) async throws -> ScenarioResult {
        try await RunningServer.with(.init(faults: faults, threads: 1)) { server, _ in
            let port = scenario.mailProtocol == .pop3 ? server.ports.pop3 : server.ports.imap
            var options = RunnerOptions()
            options.roster = roster
            let runner = ScenarioRunner(target: try Target(url: "\(scenario.mailProtocol.rawValue)://127.0.0.1:\(port)"), options: options)
            return await runner.run(scenario, as: account)
        }
    }

    private func parse(_ text: String) throws -> Scenario {
        try ScenarioParser { _ in text }.parse(path: "two.scn")
    }

    /// Logs in on `a` (the session's account) and `b` (`as`), then again on `a` after `@use a`.
    private func logins(b reference: String) throws -> Scenario {
        try parse("""
            @protocol pop3
            @connect a
            S: +OK{*}
            @connect b as \(reference)
            S: +OK{*}
            C: USER ${user}
            S: +OK{*}
            C: PASS ${password}
            S: +OK{*}
            @use a
            C: USER ${user}
            S: +OK{*}
            C: PASS ${password}
            S: +OK{*}

            """)
    }

    private func users(_ result: ScenarioResult) -> [String] {
        result.transcript.filter { $0.direction == .client && $0.text.hasPrefix("USER") }.map { "\($0.connection) \($0.text)" }
    }

    @Test(arguments: [("2", "user2"), ("+2", "user3"), ("user3", "user3")])
    func eachConnectionLogsInAsItsAccountAndUseSwitchesBack(reference: String, user: String) async throws {
        let result = try await replay(try logins(b: reference))
        #expect(result.status == .passed, "\(result.reason ?? "") \(result.steps.map(\.mismatch))")
        #expect(users(result) == ["b USER \(user)", "a USER user1"])
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        for password in Self.roster.accounts.map(\.password) { #expect(!json.contains(password)) }
    }

    @Test func theOtherAccountsPasswordIsTheOneSent() async throws {
        // The server knows user2 as mg-pass-2; a roster with another password for it fails b's PASS, not a's.
        let roster = AccountRoster([Account(user: "user1", password: "mg-pass-1"), Account(user: "user2", password: "not-user2s")])
        let result = try await replay(try logins(b: "2"), roster: roster, as: roster.accounts[0])
        #expect(result.status == .failed)
        #expect(result.steps.first { $0.status == .failed }?.location == "two.scn:8")
        #expect(!String(decoding: try JSONEncoder().encode(result), as: UTF8.self).contains("not-user2s"))
    }

    @Test(arguments: [("4", "account 4 of the run's 3 accounts"),
                      ("nobody", "an account for 'nobody', which is not among the run's 3 accounts")])
    func anAccountTheRunLacksStopsBeforeAnyConnection(reference: String, needed: String) async throws {
        let result = try await replay(try logins(b: reference))
        #expect(result.status == .skipped)
        #expect(result.reason == "two.scn:4: @connect … as \(reference) needs \(needed); name them in a --users-file")
        #expect(result.transcript.isEmpty)
    }

    @Test func anOffsetNeedsAnotherAccount() async throws {
        let alone = AccountRoster([Account(user: "user1", password: "mg-pass-1")])
        let result = try await replay(try logins(b: "+1"), roster: alone, as: alone.accounts[0])
        #expect(result.status == .skipped)
        #expect(result.reason?.hasPrefix("two.scn:4: @connect … as +1 needs an account other than user1, 1 after it among the run's 1 account") == true, "\(result.reason ?? "")")
    }

    /// The shipped two-account scenario passes, and finds the fault of a server whose accounts share mailboxes.
    @Test(arguments: [false, true])
    func theShippedTwoAccountScenario(underFault: Bool) async throws {
        let scenario = try ScenarioParser { try String(contentsOfFile: $0, encoding: .utf8) }
            .parse(path: RepositoryFiles.root + "/Scenarios/imap/two-accounts.scn")
        let result = try await replay(scenario, faults: underFault ? [.accountsShareMailboxes] : [])
        #expect(result.status == (underFault ? .failed : .passed), "\(result.reason ?? "")")
        if underFault {
            #expect(result.steps.first { $0.status == .failed }?.location.hasSuffix("two-accounts.scn:17") == true,
                    "\(result.steps.map { "\($0.location) \($0.status)" })")
        }
    }
}
