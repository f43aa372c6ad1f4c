import Foundation
import MailGaugeTestSupport
import Testing

/// `run` against a server that does not answer records three scenarios' errors, checks that a
/// new connection is refused too, and records the rest as not run, instead of trying each.
struct RunFailFastTests {
    @Test func scenariosAfterThreeRefusalsAreNotRun() async throws {
        let scenario = try CLI.temporaryScenario("@protocol pop3\nS: +OK{*}\nC: QUIT\nS: +OK{*}\n")
        let output = try await CLI.run(Array(repeating: scenario, count: 6) + ["--target", "pop3://127.0.0.1:1", "--user", "u"], password: "p")
        #expect(output.exitCode == 2)
        let notRun = output.stdout.components(separatedBy: "not run: the server stopped answering: 3 cases in a row ended on").count - 1
        #expect(notRun == 3, "\(output.stdout)")
    }
}
