import ArgumentParser
import Foundation
import MailGaugeClient
import MailGaugeConformance
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeWire

/// `mailgauge demo`: the whole tool against the built-in reference server, no mail server needed.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start the built-in reference server on loopback, replay the shipped scenarios and run the check suites against it.")

    @Option(help: "The folder holding the pop3/ and imap/ scenario folders.")
    var scenarios = "Scenarios"

    @Option(name: .customLong("check-suites"), help: "The folder holding the conformance suites that `check` runs.")
    var checkSuites = "Scenarios/conformance"

    @OptionGroup var reports: ReportOptions

    func run() async throws {
        let suites: [(folder: String, scheme: String, user: String)] = [("pop3", "pop3", "user1"), ("imap", "imap", "user2")]
        let loaded = try suites.map { suite in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: "\(scenarios)/\(suite.folder)"))?
                .filter { $0.hasSuffix(".scn") }.sorted().map { "\(scenarios)/\(suite.folder)/\($0)" } ?? []
            guard !files.isEmpty else { throw usageFailure("\(scenarios)/\(suite.folder): no .scn files (run from the repository, or give --scenarios)") }
            do {
                return try ScenarioFiles.load(files)
            } catch {
                throw usageFailure("\(error)")
            }
        }
        let server = try await ReferenceServer.start()
        let caFile = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-demo-ca-\(getpid()).pem").path
        try server.certificateAuthorityPEM.write(toFile: caFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: caFile) }
        print("reference server: pop3://127.0.0.1:\(server.ports.pop3)  imap://127.0.0.1:\(server.ports.imap) (STARTTLS, test CA)\n")

        let startedAt = Date()
        var results: [ScenarioResult] = []
        // One result has room for one server's information: the IMAP endpoint's, the richer of
        // the two (its greeting already lists capabilities).
        let imapServer = ServerInfoRecorder()
        for (suite, scenarioList) in zip(suites, loaded) {
            let port = suite.scheme == "pop3" ? server.ports.pop3 : server.ports.imap
            let target = try Target(url: "\(suite.scheme)://127.0.0.1:\(port)", startTLS: true)
            var options = RunnerOptions(tls: TLSOptions(caFile: caFile))
            // Scenarios of two accounts (`@connect other as +1`) log in as the next reference account.
            options.roster = AccountRoster(ReferenceServer.Configuration().accounts.map { Account(user: $0.user, password: $0.password) })
            let runner = ScenarioRunner(target: target, options: options)
            let number = suite.user.dropFirst("user".count)
            results += await ScenarioBatch.run(scenarioList, on: runner, as: Account(user: suite.user, password: "mg-pass-\(number)"),
                                                   server: suite.scheme == "imap" ? imapServer : nil)
        }
        // The conformance suites and probes, over plain connections so every STARTTLS probe applies.
        // POP3 is seeded over the reference server's IMAP, which serves the same INBOX
        // (`check --seed-via`), so the cases that need known content run too.
        let seedPlan = SeedPlan(via: Target(mailProtocol: .imap, host: "127.0.0.1", port: server.ports.imap, security: .plain),
                                fixtureFolder: checkSuites + "/fixtures")
        for (mailProtocol, port, user) in [(MailProtocol.pop3, server.ports.pop3, "user3"), (.imap, server.ports.imap, "user4")] {
            let check = ConformanceCheck(target: Target(mailProtocol: mailProtocol, host: "127.0.0.1", port: port, security: .plain),
                                         options: RunnerOptions(tls: TLSOptions(caFile: caFile)),
                                         account: Account(user: user, password: "mg-pass-\(user.dropFirst("user".count))"),
                                         seedPlan: mailProtocol == .pop3 ? seedPlan : nil)
            results += try await ConformanceBatch.run(check, suites: SuiteName.defaults(for: mailProtocol), catalog: SuiteCatalog(root: checkSuites),
                                                      baseline: nil, baselineFile: nil).scenarios
        }
        try? await server.stop()
        let result = RunResult(tool: ToolInfo(version: MailGaugeCommand.version), commandLine: CommandLine.arguments,
                               target: "built-in reference server", server: imapServer.serverInfo, startedAt: startedAt, finishedAt: Date(),
                               scenarios: results)
        defer { print("result: \(reports.json ?? "Reports/demo.json")") }
        try ScenarioBatch.finish(result, reports: reports, command: "demo")
    }
}
