import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeRunner
import MailGaugeScenario
import Testing

/// The shipped POP3 scenarios pass against the reference server over every transport, checked
/// by MailGauge's own runner and grammar checker, strictly (warnings fail too).
struct POP3ScenarioTests {
    enum Security: String, CaseIterable, Sendable {
        case plain, starttls, implicitTLS

        func target(_ ports: ReferenceServer.Ports) throws -> Target {
            switch self {
            case .plain: try Target(url: "pop3://127.0.0.1:\(ports.pop3)")
            case .starttls: try Target(url: "pop3://127.0.0.1:\(ports.pop3)", startTLS: true)
            case .implicitTLS: try Target(url: "pop3s://127.0.0.1:\(ports.pop3s)")
            }
        }
    }

    static let parser = ScenarioParser { try String(contentsOfFile: $0, encoding: .utf8) }
    static let user1 = Account(user: "user1", password: "mg-pass-1")

    @Test(arguments: Security.allCases)
    func everyShippedScenarioPasses(security: Security) async throws {
        try await RunningServer.with { server, caFile in
            let runner = ScenarioRunner(target: try security.target(server.ports),
                                        options: RunnerOptions(tls: TLSOptions(caFile: caFile), strict: true))
            let capabilities = try await CapabilityProbe.capabilities(of: runner.target, options: runner.options)
            #expect(capabilities.isSuperset(of: ["USER", "UIDL", "TOP", "APOP"]))
            #expect(!capabilities.contains("STLS") || security == .plain)
            #expect(RepositoryFiles.pop3Scenarios.count >= 8)
            for path in RepositoryFiles.pop3Scenarios {
                let result = await runner.run(try Self.parser.parse(path: path), as: Self.user1, capabilities: capabilities)
                #expect(result.status == .passed, "\(path) over \(security): \(result.reason ?? "")")
            }
        }
    }

    /// RFC 1939 §6: a session that ends without QUIT commits no deletions.
    @Test func deletionWithoutQuitIsNotCommitted() async throws {
        try await RunningServer.with { server, _ in
            let runner = ScenarioRunner(target: try Security.plain.target(server.ports))
            #expect(await runner.run(try Self.scenario("C: DELE 1\nS: +OK{*}\n"), as: Self.user1).status == .passed)
            let recount = await runner.run(try Self.scenario("C: STAT\nS: +OK 5 {number}\nC: QUIT\nS: +OK{*}\n"), as: Self.user1)
            #expect(recount.status == .passed, "\(recount.reason ?? "")")
        }
    }

    /// A scenario that logs in with USER/PASS and then runs `body`.
    static func scenario(_ body: String) throws -> Scenario {
        let text = "@protocol pop3\nS: +OK{*}\nC: USER ${user}\nS: +OK{*}\nC: PASS ${password}\nS: +OK{*}\n" + body
        return try ScenarioParser { _ in text }.parse(path: "inline.scn")
    }
}
