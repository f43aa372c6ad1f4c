import MailGaugeClient
import MailGaugeResult
@testable import MailGaugeRunner
import MailGaugeScenario
import MailGaugeTestSupport
import Testing

/// What the dialects put on the wire, and when they stop waiting, against scripted servers.
struct DialectWireTests {
    private static let password = "Wire-\(UInt32.random(in: 0...UInt32.max))"

    private func replay(_ body: String, on server: ScriptedServer, protocol mailProtocol: String = "imap",
                        readTimeout: Duration = .seconds(10)) async throws -> ScenarioResult {
        let scenario = try ScenarioParser { _ in "@protocol \(mailProtocol)\n" + body }.parse(path: "wire.scn")
        let runner = ScenarioRunner(target: try Target(url: "\(mailProtocol)://127.0.0.1:\(server.port)"),
                                    options: RunnerOptions(timeouts: Timeouts(read: readTimeout)))
        return await runner.run(scenario, as: Account(user: "u", password: Self.password))
    }

    /// A counted line names the numbers answered twice, and those not answered.
    @Test func aCountedLineNamesDuplicatesAndGaps() async throws {
        let server = try await ScriptedServer.start(greeting: Array("* OK [CAPABILITY IMAP4rev1] hi\r\n".utf8),
                                                    replies: [Array("* 1 FETCH (UID 5)\r\n* 1 FETCH (UID 5)\r\n* 3 FETCH (UID 7)\r\nA1 OK done\r\n".utf8)])
        let result = try await replay("S: * OK {*}\nC: FETCH 1:3 (UID)\nS: * {k:number in 1..3} FETCH (UID {number})\nS: OK {*}\n", on: server)
        await server.stop()
        #expect(result.status == .failed)
        #expect(result.reason?.contains("stands for one response per number of 1..3: none for 2; more than one for 1") == true, "\(result.reason ?? "")")
    }

    /// POP3 content lines: `S!:` forbids a line wherever it stands, `S?:` may be absent.
    @Test(arguments: [
        ("S: +OK{*}\nS!: 2 {*}\nS: {...}\nS: .\n", "1 10\r\n3 10\r\n", nil),
        ("S: +OK{*}\nS!: 3 {*}\nS: {...}\nS: .\n", "1 10\r\n3 10\r\n", "content line 2 is one the scenario forbids ('3 {*}')"),
        ("S: +OK{*}\nS: 1 {number}\nS?: 2 {number}\nS: 3 {number}\nS: .\n", "1 10\r\n3 10\r\n", nil),
        ("S: +OK{*}\nS: 1 {number}\nS?: 2 {number}\nS: 3 {number}\nS: .\n", "1 10\r\n2 10\r\n3 10\r\n", nil),
        ("S: +OK{*}\nS: 1 {number}\nS?: 2 {number}\nS: .\n", "1 10\r\n3 10\r\n", "the reply has more content lines than expected"),
    ] as [(String, String, String?)])
    func pop3ContentLinesMayBeOptionalOrForbidden(expected: String, listing: String, failure: String?) async throws {
        let server = try await ScriptedServer.start(greeting: Array("+OK hi\r\n".utf8), replies: [Array("+OK\r\n\(listing).\r\n".utf8)])
        let result = try await replay("S: +OK{*}\nC: LIST\n" + expected, on: server, protocol: "pop3")
        await server.stop()
        if let failure {
            #expect(result.status == .failed)
            #expect(result.reason?.contains(failure) == true, "\(result.reason ?? "")")
        } else {
            #expect(result.status == .passed, "\(result.reason ?? "")")
        }
    }

    /// An untagged expectation nothing matched points at the response most like it, not at
    /// whatever came first.
    @Test func anUnmatchedResponseIsShownBesideTheClosestOne() async throws {
        let server = try await ScriptedServer.start(greeting: Array("* OK [CAPABILITY IMAP4rev1] hi\r\n".utf8),
                                                    replies: [Array("* 1 FETCH (FLAGS ())\r\n* 3 FETCH (FLAGS ())\r\nA1 OK done\r\n".utf8)])
        let result = try await replay("S: * OK {*}\nC: FETCH 1:3 (FLAGS)\nS: * 3 FETCH (FLAGS (\\Seen))\nS: OK {*}\n", on: server)
        await server.stop()
        let step = try #require(result.steps.last)
        #expect(step.mismatch?.actualLine.map { step.actual[$0] } == "* 3 FETCH (FLAGS ())", "\(step.actual) \(String(describing: step.mismatch))")
    }

    /// A completion whose tag was never sent ends the wait when it arrives, named as such,
    /// instead of the read timeout (which would say "no reply within 60s"; no clock is read,
    /// so a loaded machine cannot bend the verdict).
    @Test func aTagNeverSentIsNamedWhenItArrives() async throws {
        let server = try await ScriptedServer.start(greeting: Array("* OK [CAPABILITY IMAP4rev1] hi\r\n".utf8),
                                                    replies: [Array("XA1 OK done\r\n".utf8)])
        let result = try await replay("S: * OK {*}\nC: NOOP\nS: OK {*}\n", on: server, readTimeout: .seconds(60))
        await server.stop()
        #expect(result.status == .failed)
        #expect(result.reason?.contains("tag XA1 was never sent; A1 is outstanding") == true, "\(result.reason ?? "")")
        #expect(result.steps.last?.findings.map(\.rule) == ["imap.tag-never-sent"])
    }

    /// A greeting without capabilities: CAPABILITY is asked first, and a LOGINDISABLED there
    /// keeps the password at home.
    @Test func capabilitiesAreAskedBeforeThePasswordGoesOut() async throws {
        let server = try await ScriptedServer.start(greeting: Array("* OK hi\r\n".utf8),
                                                    replies: [Array("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\nA1 OK done\r\n".utf8)])
        let result = try await replay("S: * OK {*}\nC: LOGIN ${user} ${password}\nS: OK {*}\n", on: server)
        let received = String(decoding: server.received, as: UTF8.self)
        await server.stop()
        #expect(received.hasPrefix("A1 CAPABILITY\r\n"), "\(received)")
        #expect(!received.contains(Self.password))
        #expect(result.reason?.contains("LOGINDISABLED") == true, "\(result.reason ?? "")")
    }

    /// USER pipelined before PASS: the USER reply is read before the password would go, and a
    /// refusal keeps it at home.
    @Test func aPipelinedUserIsAnsweredBeforeThePasswordGoesOut() async throws {
        let server = try await ScriptedServer.start(greeting: Array("+OK ready\r\n".utf8),
                                                    replies: [Array("-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n".utf8)])
        let result = try await replay("S: +OK{*}\n@pipelined\nC: USER ${user}\nC: PASS ${password}\nS: +OK{*}\n", on: server, protocol: "pop3")
        let received = String(decoding: server.received, as: UTF8.self)
        await server.stop()
        #expect(received == "USER u\r\n", "\(received)")
        #expect(result.reason?.contains("refusing to send PASS's secret in clear") == true, "\(result.reason ?? "")")
    }
}

/// A server that floods a session costs bounded memory: the reply stops at the response bound,
/// and the transcript keeps its head and tail with the count of what was left out.
struct FloodTests {
    @Test func anUntaggedFloodEndsTheStepAndTheTranscriptStaysBounded() async throws {
        let flood = Array(String(repeating: "* OK flood\r\n", count: 30_000).utf8) + Array("A1 OK done\r\n".utf8)
        let server = try await ScriptedServer.start(greeting: Array("* OK [CAPABILITY IMAP4rev1] hi\r\n".utf8), replies: [flood])
        let scenario = try ScenarioParser { _ in "@protocol imap\nS: * OK {*}\nC: NOOP\nS: OK {*}\n" }.parse(path: "flood.scn")
        var options = RunnerOptions()
        options.maxResponsesPerReply = 20_000
        let result = await ScenarioRunner(target: try Target(url: "imap://127.0.0.1:\(server.port)"), options: options)
            .run(scenario, as: Account(user: "u", password: "p"))
        await server.stop()
        #expect(result.status == .failed)
        #expect(result.reason?.contains("more than 20000 responses without the completion") == true, "\(result.reason ?? "")")
        #expect(result.transcript.count <= 10_001)
        #expect(result.transcript.contains { $0.direction == .event && $0.text.hasSuffix("lines left out of the transcript …") })
    }

    /// `--max-line-length`: a reply line longer than the limit is cut and reported, in either protocol.
    @Test(arguments: ["imap", "pop3"])
    func aLineLongerThanTheLimitIsReported(mailProtocol: String) async throws {
        let long = String(repeating: "x", count: 2_000)
        let (greeting, reply, expected) = mailProtocol == "imap"
            ? ("* OK [CAPABILITY IMAP4rev1] hi\r\n", "* OK \(long)\r\nA1 OK done\r\n", "S: * OK {*}\nC: NOOP\nS: OK {*}\n")
            : ("+OK hi\r\n", "+OK \(long)\r\n", "S: +OK{*}\nC: NOOP\nS: +OK{*}\n")
        let server = try await ScriptedServer.start(greeting: Array(greeting.utf8), replies: [Array(reply.utf8)])
        let scenario = try ScenarioParser { _ in "@protocol \(mailProtocol)\n" + expected }.parse(path: "long-line.scn")
        var options = RunnerOptions()
        options.maxLineLength = 1_024
        let result = await ScenarioRunner(target: try Target(url: "\(mailProtocol)://127.0.0.1:\(server.port)"), options: options)
            .run(scenario, as: Account(user: "u", password: "p"))
        await server.stop()
        let rules = result.steps.last?.findings.map(\.rule) ?? []
        #expect(rules.contains(mailProtocol == "imap" ? "limit-line-length" : "pop3.decoder-limit"), "\(rules)")
    }

    /// Thirty thousand malformed untagged lines are reported as a few findings per rule.
    @Test func aFloodOfMalformedLinesGivesAFewFindings() async throws {
        let flood = Array(String(repeating: "* 1 FLOOD (\r\n", count: 30_000).utf8) + Array("A1 OK done\r\n".utf8)
        let server = try await ScriptedServer.start(greeting: Array("* OK [CAPABILITY IMAP4rev1] hi\r\n".utf8), replies: [flood])
        let scenario = try ScenarioParser { _ in "@protocol imap\nS: * OK {*}\nC: NOOP\nS: OK {*}\n" }.parse(path: "flood.scn")
        let result = await ScenarioRunner(target: try Target(url: "imap://127.0.0.1:\(server.port)"), options: RunnerOptions())
            .run(scenario, as: Account(user: "u", password: "p"))
        await server.stop()
        let findings = try #require(result.steps.last?.findings)
        #expect(result.status == .failed)
        #expect(!findings.isEmpty)
        #expect(findings.count <= 2 * 21, "\(findings.count) findings")
        #expect(findings.contains { $0.message.contains("more findings of this rule in the same reply") })
    }

    /// A long reply that matches still shows only an excerpt in its step (the JSON and HTML
    /// carried every line of a RETR body before), and one that differs shows where.
    @Test(arguments: [false, true])
    func aLongReplyShowsABoundedExcerptInItsStep(differs: Bool) async throws {
        let body = (1...5_000).map { "line \($0)\r\n" }.joined()
        let server = try await ScriptedServer.start(greeting: Array("+OK hi\r\n".utf8), replies: [Array("+OK\r\n\(body).\r\n".utf8)])
        // Differing at content line 4,000: lines 1 to 3,999 as sent, then another.
        let expected = (differs ? (1..<4_000).map { "S: line \($0)\n" }.joined() + "S: other\n" : "") + "S: {...}\nS: .\n"
        let scenario = try ScenarioParser { _ in "@protocol pop3\nS: +OK{*}\nC: RETR 1\nS: +OK\n" + expected }.parse(path: "long.scn")
        let result = await ScenarioRunner(target: try Target(url: "pop3://127.0.0.1:\(server.port)"), options: RunnerOptions())
            .run(scenario, as: Account(user: "u", password: "p"))
        await server.stop()
        let step = try #require(result.steps.last)
        #expect(step.status == (differs ? .failed : .passed))
        #expect(step.actual.count <= ReplayContext.actualLinesPerStep + 2)
        #expect(step.actual.last == ".")
        if differs {
            #expect(step.mismatch?.actualLine.map { step.actual[$0] } == "line 4000", "\(String(describing: step.mismatch))")
        }
    }
}

struct TranscriptBoundTests {
    @Test func aLongSessionKeepsItsHeadAndTail() {
        var transcript = TranscriptRecorder(linesPerReply: 40, maxLines: 10)
        for index in 1...25 { transcript.event("line \(index)", on: "main") }
        #expect(transcript.lines.map(\.text) == ["line 1", "line 2", "line 3", "line 4", "line 5",
                                                "… 15 lines left out of the transcript …",
                                                "line 21", "line 22", "line 23", "line 24", "line 25"])
    }

    /// A 100 KB line is shown as its start and how much more there was, its secret masked
    /// wherever it falls.
    @Test func aLongLineIsShownCutAfterItsSecretsAreMasked() {
        var transcript = TranscriptRecorder(linesPerReply: 40)
        var bindings = Bindings()
        bindings.set("password", to: "Sekrit-Value-123", secret: true)
        transcript.conceal(bindings)
        let line = String(repeating: "a", count: TranscriptRecorder.maxRenderedLength - 5) + "Sekrit-Value-123" + String(repeating: "b", count: 100_000)
        let shown = transcript.render(line.utf8)
        #expect(shown.count < TranscriptRecorder.maxRenderedLength + 40)
        #expect(!shown.contains("Sekrit"))
        #expect(shown.hasSuffix(" more characters"))
    }

    @Test func aLongReplyKeepsItsFirstLinesACountAndItsLastLine() {
        var transcript = TranscriptRecorder(linesPerReply: 2)
        transcript.server(Array("+OK\r\none\r\ntwo\nthree\r\n\r\n.\r\n".utf8), on: "main")
        #expect(transcript.lines.map(\.text) == ["+OK", "one", "… 3 more lines …", "."])
        transcript.server(Array("+OK\r\n.".utf8), on: "main")
        #expect(transcript.lines.map(\.text).suffix(2) == ["+OK", "."])
    }
}

/// A server that trickles its reply a byte at a time ends the step at the reply timeout,
/// though every read is answered well within the read timeout (the reply takes 5 s at least).
struct TrickleTests {
    @Test(arguments: ["imap", "pop3"])
    func aTricklingReplyEndsAtTheReplyTimeout(mailProtocol: String) async throws {
        let greeting = mailProtocol == "imap" ? "* OK [CAPABILITY IMAP4rev1] hi\r\n" : "+OK hi\r\n"
        let reply = mailProtocol == "imap" ? "A1 OK " + String(repeating: "x", count: 100) + "\r\n" : "+OK " + String(repeating: "x", count: 100) + "\r\n"
        let server = try await ScriptedServer.start(greeting: Array(greeting.utf8), replies: [Array(reply.utf8)], byteInterval: .milliseconds(50))
        let expected = mailProtocol == "imap" ? "S: * OK {*}\nC: NOOP\nS: OK {*}\n" : "S: +OK{*}\nC: NOOP\nS: +OK{*}\n"
        let scenario = try ScenarioParser { _ in "@protocol \(mailProtocol)\n" + expected }.parse(path: "trickle.scn")
        let runner = ScenarioRunner(target: try Target(url: "\(mailProtocol)://127.0.0.1:\(server.port)"),
                                    options: RunnerOptions(timeouts: Timeouts(read: .seconds(30), reply: .seconds(1))))
        let result = await runner.run(scenario, as: Account(user: "u", password: "p"))
        await server.stop()
        #expect(result.status == .failed)
        #expect(result.reason?.contains("a reply still incomplete 1.0 seconds after its first bytes") == true, "\(result.reason ?? "")")
    }
}
