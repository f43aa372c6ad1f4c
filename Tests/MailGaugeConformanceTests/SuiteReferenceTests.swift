import MailGaugeConformance
import MailGaugeResult
import MailGaugeWire
import Testing

/// The shipped suites against the built-in reference server, which needs no mail server:
/// every case passes or is skipped for a capability the reference server lacks.
struct SuiteReferenceTests {
    @Test(arguments: [(MailProtocol.pop3, 25), (.imap, 60)])
    func suitePassesTheReferenceServer(mailProtocol: MailProtocol, minimumCases: Int) async throws {
        let suites = SuiteName.defaults(for: mailProtocol)
        let scenarios = try ShippedSuites.scenarios(suites)
        #expect(scenarios.count >= minimumCases)
        let results = try await ReferenceTarget.with { reference in
            let check = ConformanceCheck(target: reference.target(mailProtocol), options: reference.options, account: reference.account)
            return await check.run(scenarios, probes: ShippedSuites.catalog.probes(suites)).results
        }
        for result in results {
            #expect(result.status == .passed || result.status == .skipped, "\(result.file): \(result.reason ?? "")")
        }
        #expect(results.filter { $0.status == .passed }.count >= minimumCases)
    }

    @Test func everyCaseCitesAnRFC() throws {
        for scenario in try ShippedSuites.scenarios(SuiteName.allCases) {
            #expect(!scenario.references.isEmpty, "\(scenario.file)")
        }
    }
}
