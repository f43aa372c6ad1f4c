import Foundation
import MailGaugeClient
import MailGaugeConformance
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeWire
import Testing

/// `check`'s suites and probes against each private server, whose accounts hold ordinary mail:
/// exactly the failures its baseline writes down (each a deviation with the RFC sentence and
/// the server's bytes) fail — none on Dovecot, over every transport — and every account is
/// left as found.
struct ServerConformanceTests {
    struct Run: Sendable, CustomTestStringConvertible {
        var mailProtocol: MailProtocol
        var security: TransportSecurity
        /// An account of this run's own on its server, reset before and after.
        var user: String
        var testDescription: String { "\(mailProtocol.rawValue) \(security.rawValue) as \(user)" }
    }

    /// Each protocol's account runs the three transports one after the other.
    @Test(.enabled("needs the private Dovecot of Scripts/test-server") { await PrivateServer.dovecot.shouldRun },
          arguments: [(MailProtocol.pop3, "user15"), (.imap, "user16")])
    func dovecotFailsNothingWithoutABaseline(mailProtocol: MailProtocol, user: String) async throws {
        for security in TransportSecurity.allCases {
            try await check(.dovecot, Run(mailProtocol: mailProtocol, security: security, user: user), baseline: nil)
        }
    }

    @Test(.enabled("needs the private Cyrus IMAP of Scripts/test-server") { await PrivateServer.cyrus.shouldRun },
          arguments: [Run(mailProtocol: .imap, security: .starttls, user: "user2"), Run(mailProtocol: .pop3, security: .starttls, user: "user3")])
    func cyrusFailsOnlyItsKnownDeviations(_ run: Run) async throws {
        try await check(.cyrus, run, baseline: "cyrus-3.6.txt")
    }

    @Test(.enabled("needs the private Courier of Scripts/test-server") { await PrivateServer.courier.shouldRun },
          arguments: [Run(mailProtocol: .imap, security: .starttls, user: "user2"), Run(mailProtocol: .pop3, security: .starttls, user: "user3")])
    func courierFailsOnlyItsKnownDeviations(_ run: Run) async throws {
        try await check(.courier, run, baseline: "courier-5.0.txt")
    }

    @Test(.enabled("needs the private pymap of Scripts/test-server") { await PrivateServer.pymap.shouldRun },
          arguments: [Run(mailProtocol: .imap, security: .plain, user: "user2")])
    func pymapFailsOnlyItsKnownDeviations(_ run: Run) async throws {
        try await check(.pymap, run, baseline: "pymap-0.36.txt")
    }

    @Test(.enabled("needs the private GNU Mailutils of Scripts/test-server") { await PrivateServer.mailutils.shouldRun },
          arguments: [Run(mailProtocol: .imap, security: .plain, user: "user19"), Run(mailProtocol: .pop3, security: .plain, user: "user20")])
    func mailutilsFailsOnlyItsKnownDeviations(_ run: Run) async throws {
        try await check(.mailutils, run, baseline: "mailutils-3.15.txt")
    }

    /// Every case stands alone on a server with its own namespace (`INBOX.`) too: the IMAP suites
    /// run backwards give every case the verdict it gets forwards.
    @Test(.enabled("needs the private Cyrus IMAP of Scripts/test-server") { await PrivateServer.cyrus.shouldRun })
    func cyrusGivesEveryCaseTheSameVerdictBackwards() async throws {
        let run = Run(mailProtocol: .imap, security: .starttls, user: "user5")
        let forwards = try await outcome(on: .cyrus, run)
        let backwards = try await outcome(on: .cyrus, run, backwards: true)
        let verdicts = { (outcome: ConformanceCheck.Outcome) in
            Dictionary(outcome.results.map { ($0.file, $0.status) }, uniquingKeysWith: { first, _ in first })
        }
        #expect(verdicts(forwards) == verdicts(backwards))
        #expect(backwards.account?.unchanged == true)
    }

    /// Every suite of the protocol and its probes, in catalog order or backwards, as `run`'s
    /// account, reset first and after.
    private func outcome(on server: PrivateServer, _ run: Run, backwards: Bool = false) async throws -> ConformanceCheck.Outcome {
        let environment = try await server.environment()
        try await server.reset(run.user)
        let check = ConformanceCheck(target: try run.security.target(run.mailProtocol, environment),
                                     options: RunnerOptions(tls: TLSOptions(caFile: environment.caFile)),
                                     account: Account(user: run.user, password: environment.password(of: run.user)))
        let suites = SuiteName.defaults(for: run.mailProtocol)
        let parser = ScenarioParser { try String(contentsOfFile: $0, encoding: .utf8) }
        var scenarios = try Self.catalog.scenarioFiles(suites).map { try parser.parse(path: $0) }
        var probes = Self.catalog.probes(suites)
        if backwards { (scenarios, probes) = (scenarios.reversed(), probes.reversed()) }
        let outcome = await check.run(scenarios, probes: probes)
        try await server.reset(run.user)
        return outcome
    }

    static let catalog = SuiteCatalog(root: PackagePaths.file("Scenarios/conformance"))

    /// The suites compared with `baseline` (none: nothing may fail), then the account compared
    /// with its snapshot from before the first case.
    private func check(_ server: PrivateServer, _ run: Run, baseline: String?) async throws {
        let outcome = try await outcome(on: server, run)
        let catalog = Self.catalog
        let suites = SuiteName.defaults(for: run.mailProtocol)
        #expect(outcome.setupError == nil, "\(outcome.setupError ?? "")")
        let file = baseline.map { PackagePaths.file("Scenarios/conformance/baselines/" + $0) }
        let accepted = try file.map { try Baseline(parsing: try String(contentsOfFile: $0, encoding: .utf8), file: $0) } ?? Baseline(accepting: [])
        let summary = accepted.compare(outcome.results, in: catalog, suites: suites, file: file)
        for result in outcome.results where summary.newFailures.contains(catalog.caseID(of: result.file)) {
            Issue.record("\(result.file): \(result.reason ?? "")")
        }
        #expect(summary.staleEntries.isEmpty, "baseline entries that no longer fail: \(summary.staleEntries)")
        #expect(outcome.account?.unchanged == true, "the account changed: \(outcome.account.map { "\($0.differences)" } ?? "no snapshot")")
        #expect(outcome.results.filter { $0.status == .passed }.count >= (run.mailProtocol == .pop3 ? 25 : 60))
    }
}
