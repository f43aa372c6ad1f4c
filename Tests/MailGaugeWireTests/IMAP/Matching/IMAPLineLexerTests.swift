import Testing
@testable import MailGaugeWire

private func tokens(_ text: String) -> [IMAPLineToken] {
    IMAPLineLexer.tokens(IMAPLineUnit.octets(text.utf8))
}

private func word(_ text: String) -> IMAPLineToken { .word(IMAPLineUnit.octets(text.utf8)) }
private func string(_ text: String) -> IMAPLineToken { .string(IMAPLineUnit.octets(text.utf8)) }

@Suite struct IMAPLineLexerTests {
    @Test(arguments: [
        ("* 3 EXISTS", [word("*"), .space, word("3"), .space, word("EXISTS")]),
        ("(\\Seen $Junk)", [.openParen, word("\\Seen"), .space, word("$Junk"), .closeParen]),
        ("\"a \\\"b\\\\\"", [string("a \"b\\")]),
        ("{5}\r\nINBOX", [string("INBOX")]),
        ("{5+}\r\nINBOX)", [string("INBOX"), .closeParen]),
        ("BODY[] {342}", [word("BODY"), .openBracket, .closeBracket, .space, .literalAnnouncement(IMAPLineUnit.octets("{342}".utf8))]),
        ("[UIDNEXT 5]", [.openBracket, word("UIDNEXT"), .space, word("5"), .closeBracket]),
        // Lenient: an unterminated quoted string runs to the end; a '{' that starts no literal is word text.
        ("OK \"open", [word("OK"), .space, string("open")]),
        ("a{b c", [word("a{b"), .space, word("c")]),
    ] as [(String, [IMAPLineToken])])
    func cutsTokens(line: String, expected: [IMAPLineToken]) {
        #expect(tokens(line) == expected)
    }

    @Test func holesAreWordText() {
        let units = IMAPLineUnit.octets("MailGauge-".utf8) + [.hole(0)] + IMAPLineUnit.octets(" \"".utf8) + [.hole(1)] + [.octet(UInt8(ascii: "\""))]
        #expect(IMAPLineLexer.tokens(units) == [.word(IMAPLineUnit.octets("MailGauge-".utf8) + [.hole(0)]), .space, .string([.hole(1)])])
    }

    @Test func aLiteralLongerThanTheInputIsNoLiteral() {
        #expect(tokens("{9}\r\nab") == [word("{9}\r\nab")])
    }

    @Test func aBraceBeforeTextThatIsNoSizeIsWordText() {
        #expect(tokens("{FLAGS x} {3}") == [word("{FLAGS"), .space, word("x}"), .space, .literalAnnouncement(IMAPLineUnit.octets("{3}".utf8))])
    }

    /// A hostile 900 KB line of 45,000 `{` that start no literal, with a `}` only at its end:
    /// each `{` once searched to that `}`, minutes of work; now each looks at its own digits.
    @Test(.timeLimit(.minutes(1)))
    func manyBracesThatStartNoLiteralLexInOnePass() {
        let line = String(repeating: "(UID {FLAGS x ", count: 45_000) + "{5}"
        let lexed = tokens(line)
        #expect(lexed.count == 45_000 * 7 + 1)
        #expect(lexed.last == .literalAnnouncement(IMAPLineUnit.octets("{5}".utf8)))
    }
}
