import Testing
import MailGaugeWire

struct POP3ReplyContextTests {
    static let commands: [(String, POP3ReplyContext)] = [
        ("LIST", .multiLine(verb: "LIST")),
        ("list 2", .singleLine(verb: "LIST")),
        ("UIDL", .multiLine(verb: "UIDL")),
        ("uidl 1\r\n", .singleLine(verb: "UIDL")),
        ("TOP 1 0", .multiLine(verb: "TOP")),
        ("retr 1", .multiLine(verb: "RETR")),
        ("CAPA", .multiLine(verb: "CAPA")),
        ("STAT", .singleLine(verb: "STAT")),
        ("USER mrose", .singleLine(verb: "USER")),
        ("APOP mrose c4c9334bac560ecc979e58001b3e22fb", .singleLine(verb: "APOP")),
        ("STLS", .singleLine(verb: "STLS")),
        ("QUIT", .singleLine(verb: "QUIT")),
        ("AUTH PLAIN", .authContinuation),
        ("AUTH", .singleLine(verb: "AUTH")),
        ("XYZZY", .singleLine(verb: "XYZZY")),
    ]

    @Test(arguments: commands)
    func mapsCommandToContext(_ command: String, _ expected: POP3ReplyContext) {
        #expect(POP3ReplyContext.forCommand(command) == expected)
    }
}
