import MailGaugeConformance
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire
import Testing

/// Every case stands alone: no case's leftovers or failure changes another's verdict, so the
/// suites run backwards give every case the verdict it gets forwards, and leave the account as
/// found either way.
struct CaseOrderTests {
    @Test(arguments: [MailProtocol.pop3, .imap])
    func theSuitesBackwardsGiveTheSameVerdicts(mailProtocol: MailProtocol) async throws {
        let suites = SuiteName.defaults(for: mailProtocol)
        let scenarios = try ShippedSuites.scenarios(suites)
        let probes = ShippedSuites.catalog.probes(suites)
        let (forwards, backwards) = try await ReferenceTarget.with { reference in
            let check = ConformanceCheck(target: reference.target(mailProtocol), options: reference.options, account: reference.account)
            return (await check.run(scenarios, probes: probes), await check.run(scenarios.reversed(), probes: probes.reversed()))
        }
        #expect(forwards.results.count > 30)
        #expect(Self.verdicts(forwards) == Self.verdicts(backwards))
        #expect(forwards.account?.unchanged == true && backwards.account?.unchanged == true)
    }

    static func verdicts(_ outcome: ConformanceCheck.Outcome) -> [String: ScenarioResult.Status] {
        Dictionary(outcome.results.map { ($0.file, $0.status) }, uniquingKeysWith: { first, _ in first })
    }
}
