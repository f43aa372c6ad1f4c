import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeWire
import Testing

/// A certificate this side does not trust is the run's setup, not the server's failure, after
/// STARTTLS as with implicit TLS: the scenario ends in an error (exit code 2), naming the way
/// out. (After STARTTLS it was a failure, exit code 1.)
struct UntrustedCertificateTests {
    @Test(arguments: [MailProtocol.imap, .pop3])
    func anUntrustedCertificateAfterSTARTTLSIsAnError(mailProtocol: MailProtocol) async throws {
        let text = mailProtocol == .imap
            ? "@protocol imap\nS: * OK {*}\nC: NOOP\nS: OK {*}\n"
            : "@protocol pop3\nS: +OK{*}\nC: NOOP\nS: +OK{*}\n"
        let result = try await RunningServer.with { server, _ in
            let port = mailProtocol == .imap ? server.ports.imap : server.ports.pop3
            // No CA file: the reference server's test certificate is not trusted.
            let runner = ScenarioRunner(target: try Target(url: "\(mailProtocol.rawValue)://127.0.0.1:\(port)", startTLS: true))
            return await runner.run(try ScenarioParser { _ in text }.parse(path: "tls.scn"), as: Account(user: "user1", password: "mg-pass-1"))
        }
        #expect(result.status == .error, "\(result.reason ?? "")")
        #expect(result.reason?.contains("the server's certificate is not trusted (--ca-file PEM trusts a private CA)") == true, "\(result.reason ?? "")")
    }
}
