import MailGaugeTestSupport
import MailGaugeClient
import MailGaugeRunner
import MailGaugeScenario
import Testing

/// RFC 9051 §6.2.3: where the server advertises LOGINDISABLED on an unencrypted connection,
/// MailGauge must not send the password, and must say why.
@Suite struct LoginDisabledTests {
    private static let password = "Never-In-Clear-\(UInt32.random(in: 0...UInt32.max))"

    private func run(_ body: String, greeting: String) async throws -> (reason: String, received: String) {
        let server = try await ScriptedServer.start(greeting: Array(greeting.utf8), replies: [Array("A1 OK done\r\n".utf8)])
        let scenario = try ScenarioParser { _ in "@protocol imap\nS: * OK {*}\n" + body }.parse(path: "logindisabled.scn")
        let runner = ScenarioRunner(target: try Target(url: "imap://127.0.0.1:\(server.port)"),
                                    options: RunnerOptions(timeouts: Timeouts(read: .seconds(2))))
        let result = await runner.run(scenario, as: Account(user: "u", password: Self.password))
        let received = String(decoding: server.received, as: UTF8.self)
        await server.stop()
        #expect(result.status == .failed)
        return (result.reason ?? "", received)
    }

    @Test(arguments: ["C: LOGIN ${user} ${password}\nS: OK {*}\n", "@authenticate PLAIN\n", "@authenticate LOGIN\n"])
    func passwordNeverLeavesTheMachine(body: String) async throws {
        let outcome = try await run(body, greeting: "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED AUTH=PLAIN] ready\r\n")
        #expect(outcome.reason.contains("refusing to send the password in clear"))
        #expect(outcome.reason.contains("LOGINDISABLED"))
        #expect(!outcome.received.contains(Self.password))
    }

    @Test func withoutLoginDisabledTheLoginIsSent() async throws {
        let server = try await ScriptedServer.start(greeting: Array("* OK [CAPABILITY IMAP4rev1] ready\r\n".utf8),
                                                    replies: [Array("A1 OK done\r\n".utf8)])
        let scenario = try ScenarioParser { _ in "@protocol imap\nS: * OK {*}\nC: LOGIN ${user} ${password}\nS: OK {*}\n" }.parse(path: "login.scn")
        let result = await ScenarioRunner(target: try Target(url: "imap://127.0.0.1:\(server.port)")).run(scenario, as: Account(user: "u", password: Self.password))
        #expect(result.status == .passed, "\(result.reason ?? "")")
        #expect(String(decoding: server.received, as: UTF8.self).contains("LOGIN u \(Self.password)"))
        await server.stop()
    }
}
