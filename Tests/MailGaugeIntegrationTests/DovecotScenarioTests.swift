import Foundation
import MailGaugeAuth
import MailGaugeClient
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeWire
import Testing

/// The shipped scenarios against a real Dovecot, for each protocol and kind of transport security.
@Suite(.enabled("needs the private Dovecot of Scripts/test-server (root, Debian packages)") { await PrivateServer.dovecot.shouldRun })
struct DovecotScenarioTests {
    /// Each case has an account of its own, reset before every scenario, so cases run in parallel.
    static let cases: [(MailProtocol, TransportSecurity, String)] = [
        (.pop3, .plain, "user1"), (.pop3, .starttls, "user2"), (.pop3, .implicitTLS, "user3"),
        (.imap, .plain, "user10"), (.imap, .starttls, "user11"), (.imap, .implicitTLS, "user12"),
    ]

    @Test(arguments: cases)
    func everyShippedScenarioPasses(mailProtocol: MailProtocol, security: TransportSecurity, user: String) async throws {
        let environment = try await PrivateServer.dovecot.environment()
        var options = RunnerOptions(tls: TLSOptions(caFile: environment.caFile))
        // A scenario of two accounts (`@connect other as +1`) logs in as the next account of the users file too.
        options.roster = AccountRoster(try UsersFile.parse(try String(contentsOfFile: environment.usersFile, encoding: .utf8),
                                                           file: environment.usersFile))
        let runner = ScenarioRunner(target: try security.target(mailProtocol, environment), options: options)
        let account = Account(user: user, password: environment.password(of: user))
        let server = ServerInfoRecorder()
        let capabilities = try await CapabilityProbe.capabilities(of: runner.target, options: runner.options, account: account,
                                                                  observer: server)
        let parser = ScenarioParser { try String(contentsOfFile: $0, encoding: .utf8) }
        let scenarios = PackagePaths.scenarios(mailProtocol)
        #expect(scenarios.count >= 8)
        var passed = 0
        for path in scenarios {
            try await PrivateServer.dovecot.reset(user)
            let scenario = try parser.parse(path: path)
            let result = await runner.run(scenario, as: account, capabilities: capabilities, observer: server)
            if !capabilities.isSuperset(of: scenario.requirements) {
                #expect(result.status == .skipped, "\(path) needs \(scenario.requirements), which Dovecot lacks")
                continue
            }
            #expect(result.status == .passed, "\(path) over \(security): \(result.reason ?? "")")
            #expect(!result.steps.isEmpty)
            passed += 1
        }
        #expect(passed >= 8)
        // What the report says of Dovecot: its greeting, its capability list, and the private CA's certificate.
        let info = try #require(server.serverInfo)
        #expect(info.greeting.contains("Dovecot"), "\(info.greeting)")
        #expect(info.capabilities?.isEmpty == false)
        if security == .plain {
            #expect(info.tls == nil)
        } else {
            #expect(info.tls?.version.hasPrefix("TLSv1.") == true)
            #expect(info.tls?.certificate?.subject == "CN=localhost, O=MailGauge Test")
        }
    }

    /// Every SASL mechanism Dovecot advertises logs in, over IMAP AUTHENTICATE (with SASL-IR)
    /// and POP3 AUTH; a wrong password is refused for each.
    @Test(arguments: [(MailProtocol.pop3, "user13"), (.imap, "user14")])
    func everyAdvertisedSASLMechanismLogsIn(mailProtocol: MailProtocol, user: String) async throws {
        let environment = try await PrivateServer.dovecot.environment()
        let target = try TransportSecurity.starttls.target(mailProtocol, environment)
        let options = RunnerOptions(tls: TLSOptions(caFile: environment.caFile))
        let capabilities = try await CapabilityProbe.capabilities(of: target, options: options)
        let prefix = mailProtocol == .pop3 ? "SASL=" : "AUTH="
        let offered = SASLMechanisms.supported.filter { capabilities.contains(prefix + $0) }
        #expect(offered.count == SASLMechanisms.supported.count, "Dovecot offers \(capabilities.sorted())")
        let (greeting, check) = mailProtocol == .pop3 ? ("S: +OK{*}", "C: STAT\nS: +OK {number} {number}") : ("S: * OK {*}", "C: SELECT INBOX\nS: OK {*}")
        for mechanism in offered {
            let scenario = try ScenarioParser { _ in "@protocol \(mailProtocol.rawValue)\n\(greeting)\n@authenticate \(mechanism)\n\(check)\n" }
                .parse(path: "\(mechanism).scn")
            let runner = ScenarioRunner(target: target, options: options)
            let right = await runner.run(scenario, as: Account(user: user, password: environment.password(of: user)))
            #expect(right.status == .passed, "\(mechanism): \(right.reason ?? "")")
            let wrong = await runner.run(scenario, as: Account(user: user, password: "not-the-password"))
            #expect(wrong.status == .failed, "\(mechanism) with a wrong password")
            #expect(!wrong.transcript.contains { $0.text.contains("not-the-password") })
        }
    }

    /// RFC 1939 §6: DELE takes effect in the UPDATE state only, which QUIT enters; a session
    /// that ends without QUIT must leave every message in place.
    @Test func deletionWithoutQuitIsNotCommitted() async throws {
        let environment = try await PrivateServer.dovecot.environment()
        try await PrivateServer.dovecot.reset("user4")
        let seeded = try Self.corpusInbox().count
        let runner = ScenarioRunner(target: try TransportSecurity.plain.target(.pop3, environment))
        let account = Account(user: "user4", password: environment.password(of: "user4"))
        let login = "@protocol pop3\nS: +OK{*}\nC: USER ${user}\nS: +OK{*}\nC: PASS ${password}\nS: +OK{*}\n"
        let deleteAndDrop = try ScenarioParser { _ in login + "C: DELE 1\nS: +OK{*}\nC: DELE 2\nS: +OK{*}\n" }.parse(path: "drop.scn")
        #expect(await runner.run(deleteAndDrop, as: account).status == .passed)
        let recount = try ScenarioParser { _ in login + "C: STAT\nS: +OK \(seeded) {number}\nC: QUIT\nS: +OK{*}\n" }.parse(path: "recount.scn")
        let result = await runner.run(recount, as: account)
        #expect(result.status == .passed, "\(result.reason ?? "")")
    }

    /// The account holds the ordinary-mail corpus, not fixtures of ours: STAT counts its INBOX
    /// with CRLF line endings, and RETR n gives `mail/NN.eml` line for line, unstuffed (10.eml
    /// has lines that start with dots, one that is a lone dot).
    @Test func retrGivesTheCorpusMessages() async throws {
        let environment = try await PrivateServer.dovecot.environment()
        try await PrivateServer.dovecot.reset("user17")
        let messages = try Self.corpusInbox()
        #expect(messages.count == 15)
        let text = Self.retrievingEvery(messages)
        let scenario = try ScenarioParser { _ in text }.parse(path: "corpus.scn")
        let runner = ScenarioRunner(target: try TransportSecurity.plain.target(.pop3, environment))
        let result = await runner.run(scenario, as: Account(user: "user17", password: environment.password(of: "user17")))
        #expect(result.status == .passed, "\(result.reason ?? "")")
    }

    /// A POP3 scenario: USER/PASS, STAT of exactly MESSAGES, RETR of each giving its lines, QUIT.
    static func retrievingEvery(_ messages: [String]) -> String {
        // Served with CRLF line endings: one octet more per line than the LF files.
        let octets = messages.reduce(0) { total, message in total + message.utf8.count + message.count(where: { $0 == "\n" }) }
        var text = "@protocol pop3\nS: +OK{*}\nC: USER ${user}\nS: +OK{*}\nC: PASS ${password}\nS: +OK{*}\n"
        text += "C: STAT\nS: +OK \(messages.count) \(octets)\n"
        for (index, message) in messages.enumerated() {
            text += "C: RETR \(index + 1)\nS: +OK{*}\n"
            for line in message.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                text += "S: " + literalPattern(line) + "\n"
            }
            text += "S: .\n"
        }
        return text + "C: QUIT\nS: +OK{*}\n"
    }

    /// The INBOX messages of the corpus every account is seeded with, in order.
    static func corpusInbox() throws -> [String] {
        let folder = PackagePaths.file("Scripts/test-server/mail")
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".eml") }.sorted()
            .map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    }

    /// An `S:` pattern that matches exactly LINE: the pattern language's special characters escaped.
    static func literalPattern(_ line: Substring) -> String {
        line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "{", with: "\\{")
            .replacingOccurrences(of: "}", with: "\\}").replacingOccurrences(of: "$", with: "\\$")
    }
}
