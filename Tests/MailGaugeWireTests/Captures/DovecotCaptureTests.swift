import MailGaugeWire
import Testing

/// Every byte a real Dovecot 2.3 sent in the captured sessions parses with no finding:
/// the grammar is checked against a server that is known to be right, not only against
/// fixtures written from the RFCs.
@Suite struct DovecotCaptureTests {
    static let captures = DovecotCapture.load()

    @Test func theCapturesAreThere() {
        #expect(Self.captures.count >= 50)
        #expect(Self.captures.contains { $0.mailProtocol == "IMAP" && $0.title.contains("BODY[]") })
    }

    @Test(arguments: Set(captures.filter { $0.mailProtocol == "IMAP" }.map(\.session)).sorted())
    func imapSessionParsesWithoutFindings(session: String) {
        let blocks = Self.captures.filter { $0.mailProtocol == "IMAP" && $0.session == session }
        var decoder = IMAPResponseDecoder(expectsGreeting: blocks.first?.title.contains("greeting") == true)
        for block in blocks {
            decoder.append(block.serverBytes)
            var responses = 0
            while let next = decoder.next() {
                responses += 1
                #expect(next.response != nil, "\(block): \(ByteEscaping.escape(next.frame.prefix(120)))")
                #expect(next.findings.isEmpty, "\(block): \(next.findings.map(\.summary))")
            }
            #expect(responses > 0 || block.serverBytes.isEmpty, "\(block)")
            #expect(decoder.bufferedByteCount == 0, "\(block): bytes left over")
        }
    }

    @Test(arguments: Set(captures.filter { $0.mailProtocol == "POP3" }.map(\.session)).sorted())
    func pop3SessionParsesWithoutFindings(session: String) {
        var decoder = POP3ResponseDecoder()
        for block in Self.captures where block.mailProtocol == "POP3" && block.session == session {
            let context = block.clientLines.first.map(POP3ReplyContext.forCommand) ?? .greeting
            decoder.append(block.serverBytes)
            var responses = 0
            while let response = decoder.nextResponse(for: responses == 0 ? context : .authContinuation) {
                responses += 1
                #expect(response.findings.isEmpty, "\(block): \(response.findings.map(\.summary))")
            }
            #expect(responses > 0, "\(block)")
            #expect(decoder.bufferedByteCount == 0, "\(block): bytes left over")
        }
    }
}
