import Foundation
import MailGaugeClient
import MailGaugeConformance
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeWire
import Testing

/// `check`'s suites and probes against the private Dovecot, compared with the committed
/// baseline of its known deviations: nothing new fails and no baseline entry is stale.
@Suite(.enabled("needs the private Dovecot of Scripts/test-server (root, Debian packages)") { await PrivateServer.dovecot.shouldRun })
struct DovecotConformanceTests {
    static let baselineFile = PackagePaths.file("Scenarios/conformance/baselines/dovecot-2.3.txt")

    @Test(arguments: [(MailProtocol.pop3, "user15"), (.imap, "user16")])
    func suitesMatchTheBaseline(mailProtocol: MailProtocol, user: String) async throws {
        let environment = try await PrivateServer.dovecot.environment()
        try await PrivateServer.dovecot.reset(user)
        let port = mailProtocol == .pop3 ? environment.pop3Port : environment.imapPort
        let target = try Target(url: "\(mailProtocol.rawValue)://127.0.0.1:\(port)")
        let check = ConformanceCheck(target: target, options: RunnerOptions(tls: TLSOptions(caFile: environment.caFile)),
                                     account: Account(user: user, password: environment.password(of: user)))
        let catalog = SuiteCatalog(root: PackagePaths.file("Scenarios/conformance"))
        let suites = SuiteName.defaults(for: mailProtocol)
        let parser = ScenarioParser { try String(contentsOfFile: $0, encoding: .utf8) }
        let scenarios = try catalog.scenarioFiles(suites).map { try parser.parse(path: $0) }
        let results = await check.run(scenarios, probes: catalog.probes(suites)).results
        let baseline = try Baseline(parsing: try String(contentsOfFile: Self.baselineFile, encoding: .utf8), file: Self.baselineFile)
        let summary = baseline.compare(results, in: catalog, suites: suites, file: Self.baselineFile)
        for result in results where summary.newFailures.contains(catalog.caseID(of: result.file)) {
            Issue.record("\(result.file): \(result.reason ?? "")")
        }
        #expect(summary.staleEntries.isEmpty, "stale baseline entries: \(summary.staleEntries)")
        #expect(results.filter { $0.status == .passed }.count >= (mailProtocol == .pop3 ? 25 : 60))
        try await PrivateServer.dovecot.reset(user)
    }
}
