import MailGaugeClient
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario

/// `check --seed-via`: where the POP3 suite's known content comes from. POP3 cannot create a
/// message, so the fixtures its `@seeded` cases read are APPENDed to the same account's INBOX
/// over IMAP before the suite, found in the maildrop by their Message-IDs, and removed after
/// it (`SeedAppend`, `SeedLocator`, `SeedRemoval`, each a case of its own in the results).
public struct SeedPlan: Sendable {
    /// The IMAP server that serves the POP3 target's maildrop as INBOX.
    public var via: Target
    /// Where `NAME.eml` is for `@seeded NAME` (`Scenarios/conformance/fixtures`).
    public var fixtureFolder: String

    public init(via: Target, fixtureFolder: String) {
        self.via = via
        self.fixtureFolder = fixtureFolder
    }

    /// The fixtures the scenarios name, appended in name order: a case that must find its copy
    /// last in the maildrop (`dele-seeded.scn`, `plain`) relies on the order and checks it.
    func fixtures(for scenarios: [Scenario]) throws(SeedError) -> [SeedFixture] {
        try SeedFixture.load(Set(scenarios.flatMap(\.seeds)).sorted(), from: fixtureFolder)
    }
}

/// Seeding's part of a check: what was delivered, for removal at the end, and what the
/// seeded cases can use.
struct SeedSession {
    let plan: SeedPlan
    let imap: ScenarioRunner
    var delivery: SeedDelivery?
    var seeding: Seeding = .notRequested

    init(plan: SeedPlan, options: RunnerOptions) {
        self.plan = plan
        imap = ScenarioRunner(target: plan.via, options: options)
    }

    /// Appends and locates the fixtures `scenarios` seed, returning the two cases' results;
    /// none when no scenario seeds anything.
    mutating func seed(for scenarios: [Scenario], on pop3: ScenarioRunner, as account: Account,
                       before: AccountSnapshot?) async -> [ScenarioResult] {
        let fixtures: [SeedFixture]
        do {
            fixtures = try plan.fixtures(for: scenarios)
        } catch {
            seeding = .failed(error.description)
            return []
        }
        guard !fixtures.isEmpty else { return [] }
        let (appended, delivery) = await SeedAppend.run(fixtures, via: imap, as: account)
        self.delivery = delivery
        guard appended.status == .passed, let delivery else {
            seeding = .failed("\(SeedAppend.caseID) \(appended.status.rawValue): \(appended.reason ?? "")")
            return [appended]
        }
        let (located, seeded) = await SeedLocator.run(delivery, on: pop3, as: account, before: before)
        seeding = seeded.map(Seeding.delivered) ?? .failed("\(SeedLocator.caseID) \(located.status.rawValue): \(located.reason ?? "")")
        return [appended, located]
    }

    /// Removes what was delivered and is still there; nil when nothing was delivered.
    func remove(on pop3: ScenarioRunner, as account: Account, before: AccountSnapshot?) async -> ScenarioResult? {
        guard let delivery else { return nil }
        return await SeedRemoval.run(delivery, imap: imap, pop3: pop3, as: account, before: before)
    }
}
