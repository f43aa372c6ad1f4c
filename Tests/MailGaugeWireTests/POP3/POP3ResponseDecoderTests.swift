import Testing
import MailGaugeWire

/// Table-driven checks of the POP3 decoder: every row is decoded whole and one byte at a time,
/// and both must agree exactly.
struct POP3ResponseDecoderTests {
    static let noop = POP3ReplyContext.singleLine(verb: "NOOP")
    static let pass = POP3ReplyContext.singleLine(verb: "PASS")
    static let retr = POP3ReplyContext.multiLine(verb: "RETR")
    static let stat = POP3ReplyContext.singleLine(verb: "STAT")
    static let list = POP3ReplyContext.multiLine(verb: "LIST")
    static let listOne = POP3ReplyContext.singleLine(verb: "LIST")
    static let uidl = POP3ReplyContext.multiLine(verb: "UIDL")
    static let uidlOne = POP3ReplyContext.singleLine(verb: "UIDL")
    static let capa = POP3ReplyContext.multiLine(verb: "CAPA")

    static let statusAndFraming: [POP3ResponseCase] = [
        .init("bare +OK", noop, "+OK\r\n", statuses: [.ok]),
        .init("+OK with text", noop, "+OK done\r\n", statuses: [.ok]),
        .init("+OK SP and no text (RFC 1957)", noop, "+OK \r\n", statuses: [.ok]),
        .init("-ERR with text", noop, "-ERR no such message\r\n", statuses: [.err]),
        .init("lower-case +ok", noop, "+ok fine\r\n", statuses: [.ok], rules: ["pop3.status-indicator"]),
        .init("mixed-case -Err", noop, "-Err nope\r\n", statuses: [.err], rules: ["pop3.status-indicator"]),
        .init("OK without sign", noop, "OK ready\r\n", statuses: [nil], rules: ["pop3.status-indicator"]),
        .init("+OKAY", noop, "+OKAY\r\n", statuses: [nil], rules: ["pop3.status-indicator"]),
        .init("+ continuation outside AUTH", noop, "+ \r\n", statuses: [nil], rules: ["pop3.status-indicator"]),
        .init("bare LF ends the line", noop, "+OK bare\n", statuses: [.ok], rules: ["pop3.line-ending"]),
        .init("bare CR inside the line", noop, "+OK a\rb\r\n", statuses: [.ok], rules: ["pop3.line-ending"]),
        .init("EOF before CRLF", noop, "+OK partial", statuses: [], rules: ["pop3.line-ending"]),
        .init("pipelined responses", noop, "+OK\r\n-ERR no\r\n+OK yes\r\n", statuses: [.ok, .err, .ok]),
        .init("status line of exactly 512 octets", noop, "+OK " + String(repeating: "a", count: 506) + "\r\n",
              statuses: [.ok]),
        .init("status line of 513 octets", noop, "+OK " + String(repeating: "a", count: 507) + "\r\n",
              statuses: [.ok], rules: ["pop3.line-length"]),
        .init("non-ASCII status text", noop, "+OK h\u{E9}llo\r\n", statuses: [.ok], rules: ["pop3.utf8"]),
        .init("line over the decoder limit is cut", noop, "+OK " + String(repeating: "x", count: 40) + "\r\n-ERR next\r\n",
              statuses: [.ok, .err], rules: ["pop3.decoder-limit"], limits: .init(maxLineLength: 16)),
        .init("over-long bare-LF line is cut", noop, "+OK " + String(repeating: "x", count: 40) + "\n+OK\r\n",
              statuses: [.ok, .ok], rules: ["pop3.decoder-limit", "pop3.line-ending"], limits: .init(maxLineLength: 16)),
    ]

    static let multiLine: [POP3ResponseCase] = [
        .init("RETR with stuffed lines", retr,
              "+OK 120 octets\r\nSubject: x\r\n\r\n..\r\n...\r\n..hidden\r\nend\r\n.\r\n",
              statuses: [.ok], body: ["Subject: x", "", ".", "..", ".hidden", "end"]),
        .init("empty body", retr, "+OK\r\n.\r\n", statuses: [.ok], body: []),
        .init("-ERR has no body", retr, "-ERR no such message\r\n", statuses: [.err]),
        .init("RETR then pipelined -ERR", retr, "+OK\r\na\r\n.\r\n-ERR gone\r\n", statuses: [.ok, .err], body: ["a"]),
        .init("unstuffed dot line", retr, "+OK\r\n.hidden\r\n.\r\n", statuses: [.ok], body: [".hidden"],
              rules: ["pop3.byte-stuffing"]),
        .init("terminator with bare LF", retr, "+OK\r\nx\r\n.\n", statuses: [.ok], body: ["x"], rules: ["pop3.line-ending"]),
        .init("EOF inside body", retr, "+OK\r\nline\r\n", statuses: [], rules: ["pop3.multiline-terminator"]),
        .init("EOF inside the status line of a multi-line reply", retr, "+OK 12", statuses: [],
              rules: ["pop3.line-ending", "pop3.multiline-terminator"]),
        .init("+ok still frames its body", retr, "+ok\r\nx\r\n.\r\n", statuses: [.ok], body: ["x"],
              rules: ["pop3.status-indicator"]),
        .init("long body line is message content", retr, "+OK\r\n" + String(repeating: "b", count: 2000) + "\r\n.\r\n",
              statuses: [.ok], body: [String(repeating: "b", count: 2000)]),
        .init("body over the decoder limit", retr, "+OK\r\n0123456789\r\nabcdefghij\r\n.\r\n", statuses: [.ok],
              body: ["0123456789"], rules: ["pop3.decoder-limit"], limits: .init(maxBodyBytes: 15)),
        .init("body over the decoder's line limit keeps its first lines", retr, "+OK\r\na\r\nb\r\nc\r\n.\r\n", statuses: [.ok],
              body: ["a", "b"], rules: ["pop3.decoder-limit"], limits: .init(maxBodyLines: 2)),
    ]

    static let listings: [POP3ResponseCase] = [
        .init("STAT", stat, "+OK 2 320\r\n", statuses: [.ok]),
        .init("STAT with trailing text", stat, "+OK 2 320 messages\r\n", statuses: [.ok]),
        .init("STAT without size", stat, "+OK 2\r\n", statuses: [.ok], rules: ["pop3.stat-reply"]),
        .init("STAT with words", stat, "+OK two 320\r\n", statuses: [.ok], rules: ["pop3.stat-reply"]),
        .init("STAT -ERR is not a stat reply", stat, "-ERR not now\r\n", statuses: [.err]),
        .init("LIST n", listOne, "+OK 2 200\r\n", statuses: [.ok]),
        .init("LIST n without size", listOne, "+OK 2\r\n", statuses: [.ok], rules: ["pop3.scan-listing"]),
        .init("LIST", list, "+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n", statuses: [.ok],
              body: ["1 120", "2 200"]),
        .init("LIST empty maildrop", list, "+OK\r\n.\r\n", statuses: [.ok], body: []),
        .init("LIST duplicate number", list, "+OK\r\n1 120\r\n1 120\r\n.\r\n", statuses: [.ok],
              body: ["1 120", "1 120"], rules: ["pop3.scan-listing"]),
        .init("LIST descending", list, "+OK\r\n2 200\r\n1 120\r\n.\r\n", statuses: [.ok],
              body: ["2 200", "1 120"], rules: ["pop3.scan-listing"]),
        .init("LIST malformed and zero", list, "+OK\r\n1\r\n0 10\r\n.\r\n", statuses: [.ok], body: ["1", "0 10"],
              rules: ["pop3.scan-listing", "pop3.scan-listing"]),
        .init("LIST line over 512", list, "+OK\r\n1 120 " + String(repeating: "i", count: 600) + "\r\n.\r\n",
              statuses: [.ok], body: ["1 120 " + String(repeating: "i", count: 600)], rules: ["pop3.line-length"]),
        .init("UIDL n", uidlOne, "+OK 2 QhdPYR:00WBw1Ph7x7\r\n", statuses: [.ok]),
        .init("UIDL n without uid", uidlOne, "+OK 2\r\n", statuses: [.ok], rules: ["pop3.unique-id-listing"]),
        .init("UIDL", uidl, "+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n", statuses: [.ok],
              body: ["1 whqtswO00WBw418f9t5JxYwZ", "2 QhdPYR:00WBw1Ph7x7"]),
        .init("UIDL duplicate uid", uidl, "+OK\r\n1 abc\r\n2 abc\r\n.\r\n", statuses: [.ok], body: ["1 abc", "2 abc"],
              rules: ["pop3.unique-id-listing"]),
        .init("UIDL uid of 71 octets", uidl, "+OK\r\n1 " + String(repeating: "u", count: 71) + "\r\n.\r\n",
              statuses: [.ok], body: ["1 " + String(repeating: "u", count: 71)], rules: ["pop3.unique-id-listing"]),
        .init("UIDL uid of 70 octets", uidl, "+OK\r\n1 " + String(repeating: "u", count: 70) + "\r\n.\r\n",
              statuses: [.ok], body: ["1 " + String(repeating: "u", count: 70)]),
        .init("UIDL trailing text", uidl, "+OK\r\n1 abc extra\r\n.\r\n", statuses: [.ok], body: ["1 abc extra"],
              rules: ["pop3.unique-id-listing"]),
    ]

    static let capabilities: [POP3ResponseCase] = [
        .init("CAPA as in RFC 2449", capa,
              "+OK Capability list follows\r\nTOP\r\nUSER\r\nSASL PLAIN CRAM-MD5 KERBEROS_V4\r\nRESP-CODES\r\n"
                  + "LOGIN-DELAY 900\r\nPIPELINING\r\nEXPIRE 60\r\nEXPIRE NEVER USER\r\nUIDL\r\n"
                  + "IMPLEMENTATION Shlemazle  Plotz-v302\r\nX-PRIVATE anything goes\r\n.\r\n",
              statuses: [.ok],
              body: ["TOP", "USER", "SASL PLAIN CRAM-MD5 KERBEROS_V4", "RESP-CODES", "LOGIN-DELAY 900", "PIPELINING",
                     "EXPIRE 60", "EXPIRE NEVER USER", "UIDL", "IMPLEMENTATION Shlemazle  Plotz-v302",
                     "X-PRIVATE anything goes"]),
        .init("LOGIN-DELAY not a number", capa, "+OK\r\nLOGIN-DELAY soon\r\n.\r\n", statuses: [.ok],
              body: ["LOGIN-DELAY soon"], rules: ["pop3.capa"]),
        .init("EXPIRE with junk after", capa, "+OK\r\nEXPIRE 5 days\r\n.\r\n", statuses: [.ok],
              body: ["EXPIRE 5 days"], rules: ["pop3.capa"]),
        .init("SASL lower-case mechanism", capa, "+OK\r\nSASL plain\r\n.\r\n", statuses: [.ok],
              body: ["SASL plain"], rules: ["pop3.capa"]),
        .init("doubled SP between params", capa, "+OK\r\nSASL  PLAIN\r\n.\r\n", statuses: [.ok],
              body: ["SASL  PLAIN"], rules: ["pop3.capa"]),
        .init("TOP with an argument", capa, "+OK\r\nTOP 10\r\n.\r\n", statuses: [.ok], body: ["TOP 10"],
              rules: ["pop3.capa"]),
        .init("tag with a dot", capa, "+OK\r\nX.Y\r\n.\r\n", statuses: [.ok], body: ["X.Y"], rules: ["pop3.capa"]),
        .init("empty capability line", capa, "+OK\r\n\r\n.\r\n", statuses: [.ok], body: [""], rules: ["pop3.capa"]),
        .init("capability line over 512", capa, "+OK\r\nX-LONG " + String(repeating: "p", count: 600) + "\r\n.\r\n",
              statuses: [.ok], body: ["X-LONG " + String(repeating: "p", count: 600)], rules: ["pop3.line-length"]),
    ]

    static let responseCodes: [POP3ResponseCase] = [
        .init("IN-USE on -ERR to PASS", pass, "-ERR [IN-USE] Do you have another POP session running?\r\n",
              statuses: [.err], responseCode: "IN-USE"),
        .init("IN-USE on +OK", pass, "+OK [IN-USE] odd\r\n", statuses: [.ok], responseCode: "IN-USE",
              rules: ["pop3.response-code"]),
        .init("LOGIN-DELAY on STAT", stat, "-ERR [LOGIN-DELAY] wait\r\n", statuses: [.err], responseCode: "LOGIN-DELAY",
              rules: ["pop3.response-code"]),
        .init("SYS/TEMP", noop, "-ERR [SYS/TEMP] try later\r\n", statuses: [.err], responseCode: "SYS/TEMP"),
        .init("SYS/PERM", pass, "-ERR [SYS/PERM] disk broken\r\n", statuses: [.err], responseCode: "SYS/PERM"),
        .init("IN-USE on -ERR to USER", .singleLine(verb: "USER"), "-ERR [IN-USE] busy\r\n", statuses: [.err],
              responseCode: "IN-USE", rules: ["pop3.response-code"]),
        .init("LOGIN-DELAY on -ERR to USER", .singleLine(verb: "USER"), "-ERR [LOGIN-DELAY] wait\r\n", statuses: [.err],
              responseCode: "LOGIN-DELAY"),
        .init("case is not significant in codes", noop, "-ERR [sys/temp] later\r\n", statuses: [.err],
              responseCode: "sys/temp"),
        .init("SYS with unknown detail", noop, "-ERR [SYS/OOPS] x\r\n", statuses: [.err], responseCode: "SYS/OOPS",
              rules: ["pop3.response-code"]),
        .init("AUTH on -ERR to PASS", pass, "-ERR [AUTH] bad password\r\n", statuses: [.err], responseCode: "AUTH"),
        .init("unknown code", noop, "-ERR [X-CUSTOM] x\r\n", statuses: [.err], responseCode: "X-CUSTOM",
              rules: ["pop3.response-code"]),
        .init("unclosed code", noop, "-ERR [IN-USE sorry\r\n", statuses: [.err], rules: ["pop3.response-code"]),
        .init("empty code", noop, "-ERR [] x\r\n", statuses: [.err], rules: ["pop3.response-code"]),
        .init("empty level", noop, "-ERR [SYS//TEMP] x\r\n", statuses: [.err], rules: ["pop3.response-code"]),
    ]

    static let greetingsAndAuth: [POP3ResponseCase] = [
        .init("greeting with APOP timestamp", .greeting, "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n",
              statuses: [.ok]),
        .init("greeting without timestamp", .greeting, "+OK ready\r\n", statuses: [.ok]),
        .init("timestamp without @", .greeting, "+OK ready <1896.697170952>\r\n", statuses: [.ok],
              rules: ["pop3.apop-timestamp"]),
        .init("unclosed timestamp", .greeting, "+OK ready <abc@def\r\n", statuses: [.ok], rules: ["pop3.apop-timestamp"]),
        .init("two timestamps", .greeting, "+OK <a@b> <c@d>\r\n", statuses: [.ok], rules: ["pop3.apop-timestamp"]),
        .init("-ERR greeting", .greeting, "-ERR too many connections\r\n", statuses: [.err], rules: ["pop3.greeting"]),
        .init("empty challenge", .authContinuation, "+ \r\n", statuses: [nil]),
        .init("base64 challenge", .authContinuation,
              "+ PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\r\n", statuses: [nil]),
        .init("padded challenge", .authContinuation, "+ YWI=\r\n", statuses: [nil]),
        .init("lone +", .authContinuation, "+\r\n", statuses: [nil], rules: ["pop3.auth-continuation"]),
        .init("challenge of 3 octets", .authContinuation, "+ abc\r\n", statuses: [nil], rules: ["pop3.auth-continuation"]),
        .init("padding inside challenge", .authContinuation, "+ ab=c\r\n", statuses: [nil],
              rules: ["pop3.auth-continuation"]),
        .init("challenge outside alphabet", .authContinuation, "+ a*bc\r\n", statuses: [nil],
              rules: ["pop3.auth-continuation"]),
        .init("AUTH success", .authContinuation, "+OK authenticated\r\n", statuses: [.ok]),
        .init("AUTH failure with code", .authContinuation, "-ERR [AUTH] no\r\n", statuses: [.err], responseCode: "AUTH"),
    ]

    @Test(arguments: statusAndFraming + multiLine + listings + capabilities + responseCodes + greetingsAndAuth)
    func decodes(_ row: POP3ResponseCase) {
        let whole = POP3DecodeRun.decode(row.input, context: row.context, limits: row.limits)
        #expect(whole.responses.map(\.status) == row.statuses)
        #expect(whole.rules == row.rules, "\(whole.responses.flatMap(\.findings).map(\.summary))")
        #expect(whole.responses.first?.body?.map { String(decoding: $0, as: UTF8.self) } == row.body)
        #expect(whole.responses.first?.responseCode == row.responseCode)
        if !row.rules.contains("pop3.decoder-limit") {
            // Every octet is accounted for, in order, unless a limit made the decoder drop some.
            let wire = whole.responses.flatMap(\.wireBytes)
            #expect(wire == Array(row.input.prefix(whole.finishFindings.isEmpty ? row.input.count : wire.count)))
        }

        let byteAtATime = POP3DecodeRun.decode(row.input, context: row.context, limits: row.limits, chunkSize: 1)
        #expect(byteAtATime == whole)
    }

    /// Where the RFCs state no MUST, or clients commonly cope, a finding is only a warning.
    static let severities: [(String, POP3ReplyContext, String, Finding.Severity)] = [
        ("-ERR busy\r\n", .greeting, "pop3.greeting", .warning),
        ("+OK\r\n2 200\r\n1 120\r\n.\r\n", list, "pop3.scan-listing", .warning),
        ("+OK\r\n1 120\r\n1 120\r\n.\r\n", list, "pop3.scan-listing", .violation),
        ("-ERR [X-CUSTOM] x\r\n", noop, "pop3.response-code", .warning),
        ("+OK [IN-USE] x\r\n", pass, "pop3.response-code", .violation),
        ("+OK h\u{E9}\r\n", noop, "pop3.utf8", .warning),
        ("+OK\r\nTOP 1\r\n.\r\n", capa, "pop3.capa", .warning),
        ("+OK\r\nSASL plain\r\n.\r\n", capa, "pop3.capa", .violation),
        ("+ok\r\n", noop, "pop3.status-indicator", .violation),
        ("+OK\n", noop, "pop3.line-ending", .violation),
        ("+OK\r\n.x\r\n.\r\n", retr, "pop3.byte-stuffing", .violation),
    ]

    @Test(arguments: severities)
    func reportsWithSeverity(_ input: String, _ context: POP3ReplyContext, _ rule: String, _ severity: Finding.Severity) {
        let run = POP3DecodeRun.decode(Array(input.utf8), context: context)
        let findings = run.responses.flatMap(\.findings).filter { $0.rule == rule }
        #expect(findings.count == 1)
        #expect(findings.first?.severity == severity)
        #expect(findings.first.map { !$0.reference.isEmpty && !$0.message.isEmpty } == true)
    }

    @Test func continuationAndTextAreSplitFromTheIndicator() throws {
        let run = POP3DecodeRun.decode(Array("+ YWI=\r\n-ERR [AUTH] no\r\n".utf8), context: .authContinuation)
        try #require(run.responses.count == 2)
        #expect(run.responses[0].isContinuation)
        #expect(run.responses[0].text == "YWI=")
        #expect(!run.responses[1].isContinuation)
        #expect(run.responses[1].text == "[AUTH] no")
        #expect(run.responses[1].statusLine == Array("-ERR [AUTH] no".utf8))
    }

    @Test func pipelinedRepliesToDifferentCommands() {
        let input = Array("+OK 2 320\r\n+OK\r\n1 120\r\n2 200\r\n.\r\n+OK bye\r\n".utf8)
        let contexts = ["STAT", "LIST", "QUIT"].map(POP3ReplyContext.forCommand)
        for chunkSize in [input.count, 1, 3] {
            var decoder = POP3ResponseDecoder()
            var responses: [POP3Response] = []
            var start = 0
            while start < input.count {
                decoder.append(input[start..<min(input.count, start + chunkSize)])
                start += chunkSize
                while responses.count < contexts.count, let response = decoder.nextResponse(for: contexts[responses.count]) {
                    responses.append(response)
                }
            }
            #expect(responses.map(\.text) == ["2 320", "", "bye"])
            #expect(responses.map { $0.body?.count } == [nil, 2, nil])
            #expect(responses.allSatisfy { $0.findings.isEmpty })
            #expect(decoder.bufferedByteCount == 0)
        }
    }

    @Test func bytesAfterSTLSReplyStayBuffered() {
        var decoder = POP3ResponseDecoder()
        decoder.append(Array("+OK begin TLS\r\nINJECTED\r\n".utf8))
        let response = decoder.nextResponse(for: .forCommand("STLS"))
        #expect(response?.status == .ok)
        #expect(decoder.bufferedByteCount == "INJECTED\r\n".utf8.count)
    }

    @Test func bufferedByteCountIncludesAnUnfinishedBody() {
        var decoder = POP3ResponseDecoder()
        decoder.append(Array("+OK\r\nabc\r\n.".utf8))
        #expect(decoder.nextResponse(for: .forCommand("RETR 1")) == nil)
        #expect(decoder.bufferedByteCount == 11)
    }

    @Test func largeBodyDecodesInOnePass() {
        let line = Array(String(repeating: "x", count: 76).utf8) + [0x0D, 0x0A]
        let lineCount = 40_000   // about 3 MB
        var input = Array("+OK\r\n".utf8)
        input.reserveCapacity(line.count * lineCount + 8)
        for _ in 0..<lineCount { input += line }
        input += Array(".\r\n".utf8)

        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let whole = POP3DecodeRun.decode(input, context: .forCommand("RETR 1"))
            #expect(whole.responses.first?.body?.count == lineCount)
            let chunked = POP3DecodeRun.decode(input, context: .forCommand("RETR 1"), chunkSize: 1000)
            #expect(chunked == whole)
        }
        #expect(elapsed < .seconds(20))
    }

    @Test func overlongLineKeepsMemoryBounded() {
        var decoder = POP3ResponseDecoder(limits: .init(maxLineLength: 100))
        decoder.append(Array("+OK ".utf8))
        for _ in 0..<1000 { decoder.append(Array(repeating: UInt8(ascii: "z"), count: 1000)) }
        #expect(decoder.nextResponse(for: .forCommand("NOOP")) == nil)
        #expect(decoder.bufferedByteCount <= 101)
        decoder.append([0x0D, 0x0A])
        let response = decoder.nextResponse(for: .forCommand("NOOP"))
        #expect(response?.statusLine.count == 100)
        #expect(response?.findings.map(\.rule).sorted() == ["pop3.decoder-limit", "pop3.line-length"])
    }

    /// A listing of ten thousand malformed lines (with bare LFs) keeps twenty findings of each
    /// rule and one saying how many more there were, not twenty thousand.
    @Test func manyMalformedLinesKeepABoundedNumberOfFindings() {
        var decoder = POP3ResponseDecoder()
        decoder.append(Array(("+OK\r\n" + String(repeating: "flood\n", count: 10_000) + ".\r\n").utf8))
        let response = decoder.nextResponse(for: .forCommand("LIST"))
        let findings = response?.findings ?? []
        #expect(response?.body?.count == 10_000)
        #expect(findings.filter { $0.rule == "pop3.scan-listing" }.count == 21)
        #expect(findings.filter { $0.rule == "pop3.line-ending" }.count == 21)
        #expect(findings.contains { $0.rule == "pop3.scan-listing" && $0.message.hasPrefix("9980 more findings of this rule") })
    }
}
