import Testing
import MailGaugeWire

struct IMAPResponseDecoderTests {
    static let allFixtures = IMAPResponseParserTests.wellFormed + IMAPLenientFixtures.all + IMAPLenientFixtures.violationsReadPast

    @Test(arguments: allFixtures)
    func byteAtATimeMatchesWhole(_ fixture: IMAPParserFixture) {
        let whole = imapDecodeAll(fixture)
        #expect(whole.count == 1)
        #expect(imapDecodeAll(fixture, chunk: 1) == whole)
        #expect(imapDecodeAll(fixture, chunk: 2) == whole)
    }

    @Test func sessionDecodesGreetingThenResponses() {
        let stream = IMAPDovecotFixtures.greetings[0].wire + IMAPDovecotFixtures.mailboxData.flatMap(\.wire)
            + IMAPDovecotFixtures.fetches.flatMap(\.wire) + IMAPDovecotFixtures.statusResponses.flatMap(\.wire)
        let expected = [IMAPDovecotFixtures.greetings[0].expected] + IMAPDovecotFixtures.mailboxData.map(\.expected)
            + IMAPDovecotFixtures.fetches.map(\.expected) + IMAPDovecotFixtures.statusResponses.map(\.expected)
        for chunk in [stream.count, 1, 7, 64] {
            var decoder = IMAPResponseDecoder()
            var responses: [IMAPResponse?] = []
            var findings: [Finding] = []
            var start = 0
            while start < stream.count {
                decoder.append(stream[start..<min(start + chunk, stream.count)])
                start += chunk
                while let next = decoder.next() {
                    responses.append(next.response)
                    findings += next.findings
                }
            }
            #expect(responses == expected.map { $0 })
            #expect(findings == [])
        }
    }

    @Test func literalWithHostileContentDecodes() {
        let content: [UInt8] = Array("a\r\n)\"{5}\r\n".utf8) + [0, 0] + Array("\\\" ~{2}\r\n".utf8)
        let wire = Array("* 1 FETCH (BINARY[] ~{\(content.count)}\r\n".utf8) + content + Array(" UID 9)\r\nA1 OK done\r\n".utf8)
        for chunk in [wire.count, 1, 3] {
            var decoder = IMAPResponseDecoder(expectsGreeting: false)
            var responses: [IMAPResponse?] = []
            var start = 0
            while start < wire.count {
                decoder.append(wire[start..<min(start + chunk, wire.count)])
                start += chunk
                while let next = decoder.next() { responses.append(next.response) }
            }
            #expect(responses == [.untagged(.fetch(1, [.binary(part: [], data: content), .uid(9)])),
                                  .tagged(tag: "A1", imapStatus(.ok, "done"))])
        }
    }

    @Test func truncatedResponseYieldsFindingsAndDecodingContinues() {
        var decoder = IMAPResponseDecoder(limits: IMAPFramingLimits(maxLiteralSize: 4), expectsGreeting: false)
        decoder.append(Array("* 1 FETCH (BODY[] {8}\r\n12345678)\r\n* 2 EXISTS\r\n".utf8))
        let first = decoder.next()
        #expect(first?.response == nil)
        #expect(first?.findings.map(\.rule) == ["limit-literal-size"])
        #expect(decoder.next()?.response == .untagged(.exists(2)))
        #expect(decoder.next() == nil)
    }

    @Test func invalidResponseYieldsViolationAndDecodingContinues() {
        var decoder = IMAPResponseDecoder(expectsGreeting: false)
        decoder.append(Array("* 1 FETCH (UID x)\r\n* 2 EXISTS\r\n".utf8))
        let first = decoder.next()
        #expect(first?.response == nil)
        #expect(first?.findings.last?.rule == "msg-att")
        #expect(first?.frame == Array("* 1 FETCH (UID x)\r\n".utf8))
        #expect(decoder.next()?.response == .untagged(.exists(2)))
    }
}
