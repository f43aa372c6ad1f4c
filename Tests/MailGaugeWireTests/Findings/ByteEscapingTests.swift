import MailGaugeWire
import Testing

@Suite struct ByteEscapingTests {
    @Test(arguments: [
        ("+OK ready\r\n", "+OK ready\\r\\n"),
        ("FLAGS (\\Seen \\Answered)", "FLAGS (\\Seen \\Answered)"),
        ("a\\nb", "a\\\\nb"),
        ("a\\\\b", "a\\\\\\b"),
        ("ends in \\", "ends in \\"),
        ("tab\there", "tab\\there"),
    ])
    func escapesSoEveryOctetIsVisible(input: String, escaped: String) {
        #expect(ByteEscaping.escape(Array(input.utf8)) == escaped)
    }

    @Test func nonASCIIOctetsAreHex() {
        #expect(ByteEscaping.escape([0x00, 0x7F, 0xC3, 0xBC]) == "\\x00\\x7F\\xC3\\xBC")
    }
}
