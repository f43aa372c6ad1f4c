import Testing
import MailGaugeWire

struct POP3GreetingTests {
    static let greetings: [(String, String?)] = [
        ("+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>", "<1896.697170952@dbc.mtview.ca.us>"),
        ("+OK <a@b> trailing text", "<a@b>"),
        ("+OK ready <1896.697170952>", "<1896.697170952>"),
        ("+OK ready", nil),
        ("+OK ready <abc@def", nil),
        ("+OK ready <not a timestamp>", nil),
    ]

    @Test(arguments: greetings)
    func extractsAPOPTimestamp(_ greeting: String, _ expected: String?) {
        let timestamp = POP3Greeting.apopTimestamp(in: Array(greeting.utf8))
        #expect(timestamp.map { String(decoding: $0, as: UTF8.self) } == expected)
    }
}
