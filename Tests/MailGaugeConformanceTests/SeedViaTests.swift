import Foundation
import MailGaugeClient
import MailGaugeConformance
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import Testing

/// `check --seed-via`: the POP3 cases that need known content run on the copies the run
/// APPENDs over IMAP, and are skipped without it; the run removes its copies, and only them.
struct SeedViaTests {
    private static let suites = [SuiteName.pop3]
    private static let seededCases = ["pop3/dele-seeded.scn", "pop3/retr-dot-stuffed.scn", "pop3/top-body-lines.scn"]

    private static func check(_ reference: ReferenceTarget, seeding: Bool) async throws -> ConformanceCheck.Outcome {
        let plan = seeding ? SeedPlan(via: reference.target(.imap), fixtureFolder: ShippedSuites.catalog.root + "/fixtures") : nil
        return await ConformanceCheck(target: reference.target(.pop3), options: reference.options, account: reference.account, seedPlan: plan)
            .run(try ShippedSuites.scenarios(suites), probes: ShippedSuites.catalog.probes(suites))
    }

    private static func result(_ id: String, in outcome: ConformanceCheck.Outcome) -> ScenarioResult? {
        outcome.results.first { ShippedSuites.catalog.caseID(of: $0.file) == id }
    }

    @Test func withoutSeedViaTheSeededCasesAreSkippedSayingWhatTheyNeed() async throws {
        let outcome = try await ReferenceTarget.with { try await Self.check($0, seeding: false) }
        for id in Self.seededCases {
            let result = try #require(Self.result(id, in: outcome), "\(id) is in the suite")
            #expect(result.status == .skipped, "\(id): \(result.status)")
            #expect(result.reason?.hasPrefix("needs --seed-via: known content") == true, "\(id): \(result.reason ?? "")")
        }
        #expect(!outcome.results.contains { $0.file.hasPrefix("seed/") }, "nothing is seeded, so nothing is removed")
        #expect(outcome.account?.unchanged == true)
    }

    @Test func withSeedViaTheSeededCasesRunAndTheAccountIsLeftAsFound() async throws {
        let outcome = try await ReferenceTarget.with { try await Self.check($0, seeding: true) }
        for id in Self.seededCases + [SeedAppend.caseID, SeedLocator.caseID, SeedRemoval.caseID] {
            let result = try #require(Self.result(id, in: outcome), "\(id) ran")
            #expect(result.status == .passed, "\(id): \(result.status) \(result.reason ?? "")")
        }
        let failed = outcome.results.filter { $0.status == .failed || $0.status == .error }.map { "\($0.file): \($0.reason ?? "")" }
        #expect(failed.isEmpty, "\(failed)")
        // The copies are removed by the UIDs APPENDUID gave, and by nothing broader.
        let removal = try #require(Self.result(SeedRemoval.caseID, in: outcome))
        let commands = removal.steps.compactMap(\.command)
        #expect(commands.contains { $0.contains(" UID EXPUNGE ") }, "\(commands)")
        #expect(!commands.contains { $0.hasSuffix(" EXPUNGE") || $0.hasPrefix("DELE") }, "\(commands)")
        let account = try #require(outcome.account)
        #expect(account.unchanged, "\(account.differences)")
        #expect(outcome.results.last?.file == AccountGuard.caseID, "the comparison comes after the removal")
    }

    /// The round trip catches what the self-consistency cases cannot: a server that sends a
    /// dot-leading line unstuffed.
    @Test func seededContentCatchesUnstuffedDots() async throws {
        let (without, with) = try await ReferenceTarget.with(faults: [.unstuffedDots]) { reference in
            (try await Self.check(reference, seeding: false), try await Self.check(reference, seeding: true))
        }
        #expect(Self.result("pop3/retr-dot-stuffed.scn", in: without)?.status == .skipped)
        #expect(Self.result("pop3/retr-dot-stuffed.scn", in: with)?.status == .failed)
        #expect(with.account?.unchanged == true, "\(with.account?.differences ?? [])")
    }

    /// Without APPENDUID (no UIDPLUS) the copies are removed over POP3: DELE of exactly the
    /// messages that carry this run's Message-IDs, then QUIT; the account is as it was.
    @Test func withoutAPPENDUIDTheCopiesAreRemovedOverPOP3ByTheirMessageIDs() async throws {
        let (removal, check) = try await ReferenceTarget.with { reference in
            let pop3 = ScenarioRunner(target: reference.target(.pop3), options: reference.options)
            let imap = ScenarioRunner(target: reference.target(.imap), options: reference.options)
            let before = try #require(await CapabilityProbe.survey(pop3, account: reference.account, snapshot: true).snapshot)
            let fixtures = try SeedFixture.load(["dots", "plain"], from: ShippedSuites.catalog.root + "/fixtures")
            let (appended, delivered) = await SeedAppend.run(fixtures, via: imap, as: reference.account)
            #expect(appended.status == .passed, "\(appended.reason ?? "")")
            var delivery = try #require(delivered)
            #expect(delivery.uids.count == 2, "the reference server gives APPENDUID")
            delivery.uids = [:]
            let removal = await SeedRemoval.run(delivery, imap: imap, pop3: pop3, as: reference.account, before: before)
            return (removal, await AccountGuard.compare(pop3, as: reference.account, before: before).1)
        }
        #expect(removal.status == .passed, "\(removal.reason ?? "")")
        let deleted = removal.steps.compactMap(\.command).filter { $0.hasPrefix("DELE") }
        #expect(deleted == ["DELE 6", "DELE 7"], "the two copies appended after the five seed messages, and nothing else")
        #expect(!removal.steps.contains { $0.command?.contains("EXPUNGE") == true })
        #expect(check?.unchanged == true, "\(check?.differences ?? [])")
    }

    /// The seeding login is the IMAP dialect's: on a plain connection where the server
    /// advertises LOGINDISABLED the password is never sent and nothing is appended; with
    /// STARTTLS the same seeding goes through.
    @Test func seedingNeverSendsThePasswordWhereLoginIsDisabled() async throws {
        let server = try await ReferenceServer.start(.init(requireTLSForLogin: true, recordsClearText: true, threads: 1))
        let caFile = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-seed-ca-\(UUID().uuidString).pem").path
        defer { try? FileManager.default.removeItem(atPath: caFile) }
        try server.certificateAuthorityPEM.write(toFile: caFile, atomically: true, encoding: .utf8)
        let options = RunnerOptions(tls: TLSOptions(caFile: caFile), timeouts: Timeouts(connect: .seconds(5), read: .seconds(5)))
        let account = Account(user: "user3", password: "mg-pass-3")
        let fixtures = try SeedFixture.load(["plain"], from: ShippedSuites.catalog.root + "/fixtures")
        func seed(_ security: Target.Security) async -> (ScenarioResult, SeedDelivery?) {
            await SeedAppend.run(fixtures, via: ScenarioRunner(target: Target(mailProtocol: .imap, host: "127.0.0.1", port: server.ports.imap,
                                                                              security: security), options: options), as: account)
        }
        let (plain, nothing) = await seed(.plain)
        let (upgraded, delivery) = await seed(.startTLS)
        let clearText = String(decoding: server.clearTextReceived, as: UTF8.self)
        try await server.stop()
        #expect(plain.status == .failed, "\(plain.status) \(plain.reason ?? "")")
        #expect(nothing == nil, "no APPEND without a login")
        #expect(!clearText.contains("mg-pass-3"), "the password never crossed in clear")
        #expect(!clearText.contains("APPEND"))
        #expect(upgraded.status == .passed, "\(upgraded.reason ?? "")")
        #expect(delivery?.uids.count == 1)
    }
}
