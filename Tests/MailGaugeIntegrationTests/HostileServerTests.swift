import Foundation
import MailGaugeClient
import MailGaugeReport
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeTestSupport
import NIOCore
import Testing

/// Servers that misbehave must produce a clear failure, never a hang or a crash.
@Suite struct HostileServerTests {
    private static let login = """
        @protocol pop3
        S: +OK{*}
        C: USER ${user}
        S: +OK{*}
        C: STAT
        S: +OK {number} {number}
        """

    private func run(_ server: ScriptedServer, timeouts: Timeouts = Timeouts(connect: .seconds(10), read: .seconds(10)),
                     scenarioTimeout: Duration = .seconds(30)) async throws -> (status: String, reason: String, findings: [String]) {
        let scenario = try ScenarioParser { _ in Self.login }.parse(path: "hostile.scn")
        let runner = ScenarioRunner(target: try Target(url: "pop3://127.0.0.1:\(server.port)"),
                                    options: RunnerOptions(timeouts: timeouts, scenarioTimeout: scenarioTimeout))
        let result = await runner.run(scenario, as: Account(user: "u", password: "p"))
        await server.stop()
        return (result.status.rawValue, result.reason ?? "", result.steps.flatMap { $0.findings.map(\.rule) })
    }

    @Test func silentServerTimesOutWithHostAndPort() async throws {
        let server = try await ScriptedServer.start(greeting: nil)
        let outcome = try await run(server, timeouts: Timeouts(connect: .seconds(10), read: .seconds(1)))
        #expect(outcome.status == "failed")
        #expect(outcome.reason.contains("127.0.0.1:\(server.port): no reply within 1s"))
    }

    @Test func scenarioTimeoutStopsASlowSession() async throws {
        let server = try await ScriptedServer.start(greeting: nil)
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = try await run(server, timeouts: Timeouts(read: .seconds(60)), scenarioTimeout: .milliseconds(500))
        #expect(outcome.status == "failed")
        #expect(outcome.reason.contains("scenario timed out"))
        // Far below the 60 s read timeout, with room for a machine under load.
        #expect(start.duration(to: clock.now) < .seconds(30))
    }

    @Test func garbageGreetingIsAGrammarViolation() async throws {
        let server = try await ScriptedServer.start(greeting: Array("HELLO there\r\n".utf8))
        let outcome = try await run(server)
        #expect(outcome.status == "failed")
        #expect(outcome.findings.contains("pop3.status-indicator"))
    }

    @Test func bareLineFeedsAreReportedEvenWhenTheTextMatches() async throws {
        let server = try await ScriptedServer.start(greeting: Array("+OK hi\n".utf8), replies: [Array("+OK\r\n".utf8), Array("+OK 1 2\r\n".utf8)])
        let outcome = try await run(server)
        #expect(outcome.status == "failed")
        #expect(outcome.findings == ["pop3.line-ending"])
    }

    @Test func closingMidSessionIsAFailureNamingTheStep() async throws {
        let server = try await ScriptedServer.start(greeting: Array("+OK hi\r\n".utf8), replies: [nil])
        let outcome = try await run(server)
        #expect(outcome.status == "failed")
        #expect(outcome.reason.hasPrefix("hostile.scn:3: 127.0.0.1:\(server.port): connection closed by the server"))
    }

    @Test func malformedStatReplyIsCaughtByTheGrammar() async throws {
        let server = try await ScriptedServer.start(greeting: Array("+OK hi\r\n".utf8),
                                                        replies: [Array("+OK\r\n".utf8), Array("+OK 1 2\r\n".utf8)])
        let outcome = try await run(server)
        #expect(outcome.status == "passed", "\(outcome.reason)")
        let broken = try await ScriptedServer.start(greeting: Array("+OK hi\r\n".utf8),
                                                        replies: [Array("+OK\r\n".utf8), Array("+OK 1  2\r\n".utf8)])
        let brokenOutcome = try await run(broken)
        #expect(brokenOutcome.findings.contains("pop3.stat-reply"))
    }

    /// What the report keeps of the server is escaped as transcripts are, and a server that
    /// echoes the password in its capability list gets it masked there too.
    @Test func serverInformationIsEscapedAndMasked() async throws {
        let server = try await ScriptedServer.start(greeting: Array("+OK ready\r\n".utf8),
                                                    replies: [Array("+OK\r\n".utf8), Array("+OK\r\n".utf8),
                                                              Array("+OK\r\nTOP\r\nX-ECHO s3cret-Pw caf\u{E9}\u{7}\r\n.\r\n".utf8)])
        let scenario = try ScenarioParser { _ in
            "@protocol pop3\nS: +OK{*}\nC: USER ${user}\nS: +OK{*}\nC: PASS ${password}\nS: +OK{*}\nC: CAPA\nS: +OK{*}\nS: {...}\nS: .\n"
        }.parse(path: "echo.scn")
        let recorder = ServerInfoRecorder()
        let result = await ScenarioRunner(target: try Target(url: "pop3://127.0.0.1:\(server.port)"))
            .run(scenario, as: Account(user: "u", password: "s3cret-Pw"), observer: recorder)
        await server.stop()
        #expect(result.steps.count == 4, "\(result.reason ?? "")")
        let info = try #require(recorder.serverInfo)
        #expect(info.greeting == "+OK ready")
        #expect(info.capabilities == ["TOP", #"X-ECHO [REDACTED] caf\xC3\xA9\x07"#])
    }

    /// Dovecot answers STLS with +OK and then closes when a command was pipelined after it.
    /// The close may be seen before the upgrade starts; the upgrade must then fail as closed
    /// at once, not wait out the read timeout for a handshake that never begins.
    @Test func closeRightAfterTheSTLSOKFailsTheUpgradeAtOnce() async throws {
        let server = try await ScriptedServer.start(greeting: Array("+OK hi\r\n".utf8), replies: [Array("+OK go\r\n".utf8), nil])
        let target = Target(mailProtocol: .pop3, host: "127.0.0.1", port: server.port, security: .startTLS)
        let connection = try await Connection.open(to: target, tls: TLSOptions(), timeouts: Timeouts(connect: .seconds(5), read: .seconds(20)))
        _ = try await connection.read()
        try await connection.write(Array("STLS\r\nCAPA\r\n".utf8))
        var received = ""
        while let bytes = try await connection.read() { received += String(buffer: bytes) }
        #expect(received == "+OK go\r\n")
        let clock = ContinuousClock()
        let start = clock.now
        var failure: ConnectionError?
        do { try await connection.startTLS() } catch { failure = error }
        #expect(failure?.kind == .closed, "\(String(describing: failure))")
        #expect(start.duration(to: clock.now) < .seconds(10))
        await server.stop()
    }

    /// A literal larger than `maxMessageSize` is a decoder-limit violation and the step fails;
    /// under the default limit the same reply passes. The bound is the user's (`--max-message-size`).
    @Test(arguments: [1024, 64 << 20])
    func literalsAreBoundedByTheMaximumMessageSize(maxMessageSize: Int) async throws {
        let body = Array(repeating: UInt8(ascii: "x"), count: 2000)
        let fetch = Array("* 1 FETCH (BODY[] {2000}\r\n".utf8) + body + Array(")\r\nA2 OK done\r\n".utf8)
        let server = try await ScriptedServer.start(greeting: Array("* OK [CAPABILITY IMAP4rev1] hi\r\n".utf8), replies: [Array("A1 OK in\r\n".utf8), fetch])
        let scenario = try ScenarioParser { _ in
            "@protocol imap\nS: * OK {*}\nC: LOGIN ${user} ${password}\nS: OK {*}\nC: FETCH 1 BODY[]\nS: * 1 FETCH (BODY[] \\{2000\\}\nS: OK {*}\n"
        }.parse(path: "big.scn")
        let result = await ScenarioRunner(target: try Target(url: "imap://127.0.0.1:\(server.port)"),
                                          options: RunnerOptions(maxMessageSize: maxMessageSize))
            .run(scenario, as: Account(user: "u", password: "p"))
        await server.stop()
        if maxMessageSize < body.count {
            #expect(result.status == .failed)
            #expect(result.reason?.contains("a literal larger than --max-message-size announced: * 1 FETCH (BODY[] {2000}; the connection is dropped") == true,
                    "\(result.reason ?? "")")
        } else {
            #expect(result.status == .passed, "\(result.reason ?? "")")
        }
    }

    /// A literal announced far above the limit fails the step when announced, not after the
    /// read timeout spent waiting for octets a hostile server never sends.
    @Test func aHugeLiteralAnnouncementFailsAtOnce() async throws {
        let (result, took) = try await runAfterLogin("C: FETCH 1 BODY[]\nS: * 1 FETCH {*}\nS: OK {*}\n",
                                                     reply: "* 1 FETCH (BODY[] {99999999999}\r\n")
        #expect(result.status == .failed)
        #expect(result.reason?.contains("a literal larger than --max-message-size announced") == true, "\(result.reason ?? "")")
        #expect(took < .seconds(20))
    }

    /// A completion that breaks the grammar (a NUL in its text) still completes its command:
    /// the step fails on the violation at once instead of waiting out the read timeout.
    @Test func aCompletionWithANulEndsTheWaitWithAViolation() async throws {
        let (result, took) = try await runAfterLogin("C: NOOP\nS: OK {*}\n", reply: "* OK n\0l\r\nA2 OK d\0ne\r\n")
        #expect(result.status == .failed)
        #expect(!(result.steps.last?.findings.isEmpty ?? true), "\(result.reason ?? "")")
        #expect(took < .seconds(20), "\(result.reason ?? "")")
    }

    /// Replays LOGIN then `exchange` against a server that answers LOGIN, then sends `reply`,
    /// with a read timeout (60 s) far above what the test allows: how long it took tells
    /// whether the step waited for it.
    private func runAfterLogin(_ exchange: String, reply: String) async throws -> (ScenarioResult, Duration) {
        let server = try await ScriptedServer.start(greeting: Array("* OK [CAPABILITY IMAP4rev1] hi\r\n".utf8),
                                                    replies: [Array("A1 OK in\r\n".utf8), Array(reply.utf8)])
        let scenario = try ScenarioParser { _ in "@protocol imap\nS: * OK {*}\nC: LOGIN ${user} ${password}\nS: OK {*}\n" + exchange }
            .parse(path: "hostile.scn")
        let clock = ContinuousClock()
        let start = clock.now
        let result = await ScenarioRunner(target: try Target(url: "imap://127.0.0.1:\(server.port)"),
                                          options: RunnerOptions(timeouts: Timeouts(connect: .seconds(10), read: .seconds(60))))
            .run(scenario, as: Account(user: "u", password: "p"))
        await server.stop()
        return (result, start.duration(to: clock.now))
    }

    /// A capability survey whose CAPA reply is cut off (no terminator, then the connection
    /// closed) fails that case with what it saw, and `check` goes on with the rest; the reports
    /// asked for are written.
    @Test func aBrokenCapabilityReplyFailsThatCaseAndTheCheckGoesOn() async throws {
        let server = try await ScriptedServer.start(greeting: Array("+OK hi\r\n+OK capabilities follow\r\nTOP\r\n".utf8), replies: [nil])
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-broken-\(UUID().uuidString).json").path
        let junit = json.replacing(".json", with: ".xml")
        let output = try await CLI.command(["check", "--target", "pop3://127.0.0.1:\(server.port)", "--user", "u", "--read-timeout", "2",
                                            "--suites", PackagePaths.file("Scenarios/conformance"), "--json", json, "--junit", junit],
                                           password: "p")
        await server.stop()
        #expect(output.exitCode == 1, "\(output.combined)")
        let result = try JSONReport.decode(Data(contentsOf: URL(fileURLWithPath: json)))
        let survey = try #require(result.scenarios.first)
        #expect(survey.file == "setup/capabilities" && survey.status == .failed, "\(survey.status) \(survey.reason ?? "")")
        #expect(survey.reason?.contains("CAPA") == true || survey.reason?.contains("closed") == true, "\(survey.reason ?? "")")
        #expect(result.scenarios.count > 30, "the rest of the suite did not run")
        #expect(result.stop == RunStop(reason: .completed))
        #expect(FileManager.default.fileExists(atPath: junit))
    }
}
