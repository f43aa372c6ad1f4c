import Foundation
import MailGaugeClient
import MailGaugeRunner
import MailGaugeScenario
import Testing

/// The shipped POP3 scenarios against a real Dovecot, over each kind of transport security.
@Suite(.enabled("needs the private Dovecot of Scripts/test-server (root, Debian packages)") { await PrivateDovecot.shouldRun })
struct DovecotPOP3Tests {
    enum Security: String, CaseIterable, Sendable {
        case plain, starttls, implicitTLS

        func target(_ environment: PrivateDovecot.Environment) throws -> Target {
            switch self {
            case .plain: try Target(url: "pop3://127.0.0.1:\(environment.pop3Port)")
            case .starttls: try Target(url: "pop3://127.0.0.1:\(environment.pop3Port)", startTLS: true)
            case .implicitTLS: try Target(url: "pop3s://127.0.0.1:\(environment.pop3sPort)")
            }
        }
    }

    @Test(arguments: zip(Security.allCases, ["user1", "user2", "user3"]))
    func everyShippedScenarioPasses(security: Security, user: String) async throws {
        let environment = try await PrivateDovecot.shared.environment()
        let runner = ScenarioRunner(target: try security.target(environment),
                                    options: RunnerOptions(tls: TLSOptions(caFile: environment.caFile)))
        let capabilities = try await CapabilityProbe.capabilities(of: runner.target, options: runner.options)
        #expect(capabilities.isSuperset(of: ["USER", "UIDL", "TOP", "APOP"]))
        let account = Account(user: user, password: environment.password(of: user))
        let parser = ScenarioParser { try String(contentsOfFile: $0, encoding: .utf8) }
        #expect(PackagePaths.pop3Scenarios.count >= 8)
        for path in PackagePaths.pop3Scenarios {
            try await PrivateDovecot.shared.reset(user)
            let result = await runner.run(try parser.parse(path: path), as: account, capabilities: capabilities)
            #expect(result.status == .passed, "\(path) over \(security): \(result.reason ?? "")")
            #expect(!result.steps.isEmpty)
        }
    }

    /// RFC 1939 §6: DELE takes effect in the UPDATE state only, which QUIT enters; a session
    /// that ends without QUIT must leave every message in place.
    @Test func deletionWithoutQuitIsNotCommitted() async throws {
        let environment = try await PrivateDovecot.shared.environment()
        try await PrivateDovecot.shared.reset("user4")
        let seeded = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.file("Scripts/test-server/seed"))
            .filter { $0.hasSuffix(".eml") }.count
        let runner = ScenarioRunner(target: try Security.plain.target(environment))
        let account = Account(user: "user4", password: environment.password(of: "user4"))
        let login = "@protocol pop3\nS: +OK{*}\nC: USER ${user}\nS: +OK{*}\nC: PASS ${password}\nS: +OK{*}\n"
        let deleteAndDrop = try ScenarioParser { _ in login + "C: DELE 1\nS: +OK{*}\nC: DELE 2\nS: +OK{*}\n" }.parse(path: "drop.scn")
        #expect(await runner.run(deleteAndDrop, as: account).status == .passed)
        let recount = try ScenarioParser { _ in login + "C: STAT\nS: +OK \(seeded) {number}\nC: QUIT\nS: +OK{*}\n" }.parse(path: "recount.scn")
        let result = await runner.run(recount, as: account)
        #expect(result.status == .passed, "\(result.reason ?? "")")
    }
}
