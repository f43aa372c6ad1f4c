import Foundation
import MailGaugeReferenceServer
import MailGaugeTestSupport
import MailGaugeWire
import Testing

/// No path of MailGauge puts a secret on a connection where the server forbids it: the real
/// `run`, `check` and `bench` against plain targets of servers that want TLS before login,
/// with every byte the server received in clear kept and searched afterwards.
///
/// The servers: (a) IMAP that advertises LOGINDISABLED and refuses LOGIN; (b) IMAP that
/// advertises it and carries out LOGIN anyway; (c) POP3 that answers `-ERR` to USER and AUTH
/// until STLS and leaves USER and SASL out of CAPA.
@Suite struct SecretsNeverInClearTests {
    /// The bench's `--users guard%d@1-1` takes its password as a template too: stem + number.
    private static let passwordStem = "Clear-Never-\(UInt32.random(in: 0...UInt32.max))-"
    private static let password = passwordStem + "1"
    private static let user = "guard1"

    /// The forms a secret would take on the wire: the password itself, and SASL PLAIN's
    /// initial response (RFC 4616) in base64.
    private static var secretForms: [String] {
        [password, Data("\0\(user)\0\(password)".utf8).base64EncodedString(), Data(password.utf8).base64EncodedString()]
    }

    /// A scenario that logs in with SASL PLAIN, whose payload carries the password.
    private static func saslScenario(_ mailProtocol: MailProtocol) -> String {
        "@protocol \(mailProtocol.rawValue)\nS: \(mailProtocol == .imap ? "* OK" : "+OK"){*}\n@authenticate PLAIN\n"
    }

    private func withServer(faults: Set<Fault> = [], _ body: (RunningReferenceServer) async throws -> Void) async throws {
        let server = try await ReferenceServer.start(.init(accounts: [ReferenceAccount(user: Self.user, password: Self.password)],
                                                           faults: faults, requireTLSForLogin: true, recordsClearText: true, threads: 1))
        do {
            try await body(server)
        } catch {
            try? await server.stop()
            throw error
        }
        let clearText = String(decoding: server.clearTextReceived, as: UTF8.self)
        try await server.stop()
        #expect(!clearText.isEmpty, "the server recorded nothing: the test would prove nothing")
        for form in Self.secretForms {
            #expect(!clearText.contains(form), "a secret crossed in clear: \(form.prefix(6))…")
        }
        // APOP's digest is the MD5 of the greeting's timestamp and the password: 32 hex digits.
        #expect(clearText.firstMatch(of: /APOP \S+ [0-9a-f]{32}/) == nil)
    }

    private func json() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-secrets-\(UUID().uuidString).json").path
    }

    /// `run` of every shipped scenario, a SASL one beside them; `check` of every suite; `bench`.
    private func everyCommand(_ mailProtocol: MailProtocol, port: Int) async throws -> (check: ProcessOutput, checkJSON: String) {
        let target = "\(mailProtocol.rawValue)://127.0.0.1:\(port)"
        let sasl = try CLI.temporaryScenario(Self.saslScenario(mailProtocol))
        let run = try await CLI.run(PackagePaths.scenarios(mailProtocol) + [sasl, "--target", target, "--user", Self.user,
                                                                            "--json", json()], password: Self.password)
        #expect(run.exitCode == 1, "\(run.combined)")
        #expect(run.stdout.contains("refusing to send"), "\(run.stdout)")
        let checkJSON = json()
        let check = try await CLI.command(["check", "--target", target, "--user", Self.user, "--suites", PackagePaths.file("Scenarios/conformance"),
                                           "--json", checkJSON], password: Self.password)
        let load = mailProtocol == .imap ? "imap-login.scn" : "pop3-login.scn"
        let bench = try await CLI.command(["bench", "--target", target, "--scenario", PackagePaths.file("Scenarios/load/\(load)"),
                                           "--users", "guard%d@1-1", "--sessions", "2", "--iterations", "4", "--quiet", "--json", json()],
                                          password: Self.passwordStem + "%d")
        #expect(bench.exitCode == 1, "\(bench.combined)")
        for output in [run, check, bench] { #expect(!output.combined.contains(Self.password)) }
        return (check, try String(contentsOfFile: checkJSON, encoding: .utf8))
    }

    /// The setup error `check` must give: one line naming host:port and the way out, exit 2,
    /// with the JSON still written and saying why the run stopped.
    private func expectSetupError(_ check: ProcessOutput, _ json: String, port: Int) {
        #expect(check.exitCode == 2, "\(check.combined)")
        let errors = check.stderr.split(separator: "\n").filter { $0.hasPrefix("mailgauge: ") }
        #expect(errors.count == 1, "\(check.stderr)")
        #expect(errors.first?.contains("127.0.0.1:\(port): the server requires TLS before login") == true, "\(check.stderr)")
        #expect(errors.first?.contains("--starttls") == true)
        #expect(json.contains("\"reason\" : \"setup-error\""), "\(json)")
    }

    @Test func imapServerThatEnforcesLoginDisabled() async throws {
        try await withServer { server in
            let (check, json) = try await everyCommand(.imap, port: server.ports.imap)
            expectSetupError(check, json, port: server.ports.imap)
            #expect(json.contains("probes/imap-logindisabled-enforced"))
            #expect(!json.contains("imap.logindisabled-not-enforced"))
        }
    }

    @Test func imapServerThatAcceptsLoginDespiteLoginDisabledIsReported() async throws {
        try await withServer(faults: [.loginDespiteLoginDisabled]) { server in
            let (check, json) = try await everyCommand(.imap, port: server.ports.imap)
            expectSetupError(check, json, port: server.ports.imap)
            #expect(json.contains("imap.logindisabled-not-enforced"), "\(json)")
            #expect(check.stdout.contains("probes/imap-logindisabled-enforced"))
        }
    }

    @Test func pop3ServerThatRefusesUntilSTLS() async throws {
        try await withServer { server in
            let (check, json) = try await everyCommand(.pop3, port: server.ports.pop3)
            expectSetupError(check, json, port: server.ports.pop3)
        }
    }
}
