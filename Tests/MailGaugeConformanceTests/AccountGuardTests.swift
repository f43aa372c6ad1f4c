import MailGaugeConformance
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeWire
import Testing

/// `check` shows whether it left the account as it found it: a case that removes or changes
/// mail it did not create fails `account/unchanged`, naming what changed, and the suites that
/// clean up after themselves leave it unchanged.
struct AccountGuardTests {
    private func check(_ mailProtocol: MailProtocol, cases: [String]) async throws -> ConformanceCheck.Outcome {
        let scenarios = try cases.enumerated().map { index, body in
            try ScenarioParser { _ in body }.parse(path: "harm-\(index).scn")
        }
        return try await ReferenceTarget.with { reference in
            await ConformanceCheck(target: reference.target(mailProtocol), options: reference.options, account: reference.account)
                .run(scenarios, probes: [])
        }
    }

    /// A case that logs in, selects INBOX, then does `commands` to mail that is not its own.
    private static func inboxCase(_ commands: String) -> String {
        "@protocol imap\n@rfc RFC 9051 §6.4\nS: * OK {*}\nC: LOGIN ${user} ${password}\nS: OK {*}\nC: SELECT INBOX\nS: OK {*}\n" + commands
    }

    @Test func deletingAMessageTheRunDidNotCreateIsReported() async throws {
        let outcome = try await check(.imap, cases: [Self.inboxCase("C: UID STORE 1 +FLAGS.SILENT (\\Deleted)\nS: OK {*}\nC: EXPUNGE\nS: OK {*}\n")])
        let guarded = try #require(outcome.results.last)
        #expect(guarded.file == "account/unchanged" && guarded.status == .failed)
        #expect(outcome.account?.unchanged == false)
        #expect(outcome.account?.differences.contains("INBOX: UID 1 gone") == true, "\(outcome.account?.differences ?? [])")
        #expect(outcome.account?.differences.contains("INBOX: 5 messages before, 4 after") == true)
    }

    /// A case that leaves its own mailbox behind (here: it never deletes it) costs the
    /// account nothing: the final sweep deletes it, says so, and the account is as found.
    @Test func aMailboxACaseLeftBehindIsSweptAndNamed() async throws {
        let outcome = try await check(.imap, cases: [Self.inboxCase("C: CREATE ${box}\nS: OK {*}\n")])
        let guarded = try #require(outcome.results.last)
        #expect(guarded.file == "account/unchanged" && guarded.status == .passed, "\(guarded.reason ?? "")")
        let leftovers = try #require(outcome.account?.leftovers)
        #expect(leftovers.count == 1 && leftovers[0].hasPrefix("MailGauge-mg"), "\(leftovers)")
        #expect(guarded.steps.flatMap(\.findings).contains { $0.rule == "mailgauge.leftover-mailbox" && $0.severity == .warning })
        #expect(outcome.account?.unchanged == true, "\(outcome.account?.differences ?? [])")
    }

    @Test func changingAFlagOfAMessageTheRunDidNotCreateIsReported() async throws {
        let outcome = try await check(.imap, cases: [Self.inboxCase("C: UID STORE 2 +FLAGS.SILENT (\\Flagged)\nS: OK {*}\n")])
        #expect(outcome.account?.differences.contains { $0.hasPrefix("INBOX: UID 2 flags were (") && $0.hasSuffix(#"are (\flagged)"#) } == true,
                "\(outcome.account?.differences ?? [])")
    }

    @Test func aPOP3DeleteCommittedByQuitIsReported() async throws {
        let outcome = try await check(.pop3, cases: ["""
            @protocol pop3
            @rfc RFC 1939 §6
            S: +OK{*}
            C: USER ${user}
            S: +OK{*}
            C: PASS ${password}
            S: +OK{*}
            C: DELE 1
            S: +OK{*}
            C: QUIT
            S: +OK{*}
            """])
        #expect(outcome.account?.unchanged == false)
        #expect(outcome.account?.differences.first?.hasPrefix("maildrop: STAT was 5 ") == true, "\(outcome.account?.differences ?? [])")
        #expect(outcome.account?.differences.contains { $0.hasPrefix("maildrop: unique-ids gone: ") } == true)
    }

    /// The shipped suites and probes against the reference server leave every account as found.
    @Test(arguments: [MailProtocol.pop3, .imap])
    func theShippedSuitesLeaveTheAccountAsFound(mailProtocol: MailProtocol) async throws {
        let suites = SuiteName.defaults(for: mailProtocol)
        let outcome = try await ReferenceTarget.with { reference in
            await ConformanceCheck(target: reference.target(mailProtocol), options: reference.options, account: reference.account)
                .run(try ShippedSuites.scenarios(suites), probes: ShippedSuites.catalog.probes(suites))
        }
        let account = try #require(outcome.account)
        #expect(account.unchanged, "\(account.differences)")
        #expect(account.messages == 5)
    }

    /// A message the account's owner marked \Deleted would go with any EXPUNGE or CLOSE in
    /// INBOX. Cases and probes work in mailboxes of their own, so every one of them runs and
    /// the message is still there afterwards, still marked.
    @Test func theOwnersDeletedMessagesSurviveEveryCase() async throws {
        let suites = SuiteName.defaults(for: .imap)
        let (outcome, kept) = try await ReferenceTarget.with { reference in
            let marks = try ScenarioParser { _ in Self.inboxCase("C: UID STORE 3 +FLAGS.SILENT (\\Deleted)\nS: OK {*}\n") }.parse(path: "marks.scn")
            _ = await ScenarioRunner(target: reference.target(.imap), options: reference.options).run(marks, as: reference.account)
            let outcome = await ConformanceCheck(target: reference.target(.imap), options: reference.options, account: reference.account)
                .run(try ShippedSuites.scenarios(suites), probes: ShippedSuites.catalog.probes(suites))
            let kept = await ScenarioRunner(target: reference.target(.imap), options: reference.options)
                .run(try ScenarioParser { _ in "@protocol imap\nS: * OK {*}\nC: LOGIN ${user} ${password}\nS: OK {*}\nC: EXAMINE INBOX\nS: OK {*}\nC: UID FETCH 3 (FLAGS)\nS: * {number} FETCH ({*}\\Deleted{*})\nS: OK {*}\n" }.parse(path: "kept.scn"), as: reference.account)
            return (outcome, kept)
        }
        let expunging = outcome.results.filter { ["imap/expunge.scn", "imap/close-expunges.scn", "imap/unselect.scn"].contains(ShippedSuites.catalog.caseID(of: $0.file)) }
        #expect(expunging.count == 3)
        #expect(expunging.allSatisfy { $0.status == .passed }, "\(expunging.map { "\($0.file): \($0.reason ?? "")" })")
        let probes = outcome.results.filter { $0.file.hasPrefix("probes/imap-") && !$0.file.contains("starttls") && !$0.file.contains("logindisabled") }
        #expect(probes.count == 7 && probes.allSatisfy { $0.status == .passed }, "\(probes.map { "\($0.file): \($0.status) \($0.reason ?? "")" })")
        #expect(kept.status == .passed, "\(kept.reason ?? "")")
        #expect(outcome.account?.unchanged == true, "\(outcome.account?.differences ?? [])")
        let failed = outcome.results.filter { $0.status == .failed }.map(\.file)
        #expect(failed.isEmpty, "\(failed)")
    }
}
