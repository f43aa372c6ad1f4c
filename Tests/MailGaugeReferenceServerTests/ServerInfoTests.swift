import Foundation
import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import Testing

/// What a run records of the server — greeting, capabilities, TLS and certificate — is taken
/// from the sessions it runs anyway, exactly as the reference server sent it.
struct ServerInfoTests {
    static let parser = ScenarioParser { try String(contentsOfFile: $0, encoding: .utf8) }
    static let referenceCertificate = CertificateInfo(
        subject: "CN=localhost, O=MailGauge", issuer: #"CN=MailGauge Reference Server Test CA (INSECURE\, test only), O=MailGauge"#,
        notAfter: Date(timeIntervalSince1970: 2_426_554_974))  // 2046-11-23T03:02:54Z

    /// IMAP over STARTTLS: the greeting as sent in clear, the capabilities as listed last on
    /// that connection (after LOGIN), the TLS the upgrade negotiated.
    @Test func imapReplayOverStartTLSRecordsGreetingCapabilitiesAndTLS() async throws {
        try await RunningServer.with { server, caFile in
            let runner = ScenarioRunner(target: try Target(url: "imap://127.0.0.1:\(server.ports.imap)", startTLS: true),
                                        options: RunnerOptions(tls: TLSOptions(caFile: caFile)))
            let recorder = ServerInfoRecorder()
            let scenario = try Self.parser.parse(path: RepositoryFiles.root + "/Scenarios/imap/select-close-logout.scn")
            let result = await runner.run(scenario, as: Account(user: "user2", password: "mg-pass-2"), observer: recorder)
            #expect(result.status == .passed, "\(result.reason ?? "")")
            let info = try #require(recorder.serverInfo)
            #expect(info.greeting == "* OK [CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR ID ENABLE IDLE STARTTLS AUTH=PLAIN] MailGauge reference IMAP server ready")
            let capabilities = try #require(info.capabilities)
            #expect(capabilities.starts(with: ["IMAP4rev1", "IMAP4rev2", "LITERAL+"]))
            #expect(capabilities.contains("UIDPLUS"), "the list LOGIN announced")
            #expect(!capabilities.contains("STARTTLS"))
            #expect(info.tls == TLSInfo(version: "TLSv1.3", certificate: Self.referenceCertificate))
        }
    }

    /// POP3 over implicit TLS, with `@requires` making the run probe capabilities first: the
    /// probe's connection is the first to greet and list CAPA; no password anywhere.
    @Test func pop3RunWithCapabilityProbeRecordsCAPALines() async throws {
        try await RunningServer.with { server, caFile in
            let runner = ScenarioRunner(target: try Target(url: "pop3s://127.0.0.1:\(server.ports.pop3s)"),
                                        options: RunnerOptions(tls: TLSOptions(caFile: caFile)))
            let recorder = ServerInfoRecorder()
            let account = Account(user: "user1", password: "mg-pass-1")
            let capabilities = try await CapabilityProbe.capabilities(of: runner.target, options: runner.options, account: account,
                                                                      observer: recorder)
            let scenario = try Self.parser.parse(path: RepositoryFiles.root + "/Scenarios/pop3/user-pass-login.scn")
            let result = await runner.run(scenario, as: account, capabilities: capabilities, observer: recorder)
            #expect(result.status == .passed, "\(result.reason ?? "")")
            let info = try #require(recorder.serverInfo)
            #expect(info.greeting.hasPrefix("+OK MailGauge reference POP3 server ready <"))
            #expect(info.capabilities == ["TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION MailGauge-Reference",
                                          "USER", "SASL PLAIN"])
            #expect(info.tls?.certificate == Self.referenceCertificate)
            #expect(!"\(info)".contains("mg-pass-1"))
        }
    }

    /// A plain session has no TLS to report, and a server that never greeted leaves nothing.
    @Test func plainConnectionHasNoTLSAndARefusedOneNoInformation() async throws {
        let quit = try ScenarioParser { _ in "@protocol pop3\nS: +OK{*}\nC: QUIT\nS: +OK{*}\n" }.parse(path: "quit.scn")
        let account = Account(user: "user1", password: "mg-pass-1")
        try await RunningServer.with { server, _ in
            let recorder = ServerInfoRecorder()
            let runner = ScenarioRunner(target: try Target(url: "pop3://127.0.0.1:\(server.ports.pop3)"))
            #expect(await runner.run(quit, as: account, observer: recorder).status == .passed)
            let info = try #require(recorder.serverInfo)
            #expect(info.tls == nil)
            #expect(info.capabilities == nil, "nobody sent CAPA")
        }
        let recorder = ServerInfoRecorder()
        let refused = await ScenarioRunner(target: try Target(url: "pop3://127.0.0.1:1")).run(quit, as: account, observer: recorder)
        #expect(refused.status == .error)
        #expect(recorder.serverInfo == nil)
    }
}
