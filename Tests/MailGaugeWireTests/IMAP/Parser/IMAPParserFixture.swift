import Testing
import MailGaugeWire

/// One response as a server sends it and what it must parse to.
struct IMAPParserFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let wire: [UInt8]
    let expected: IMAPResponse
    /// Rule names of the findings the parse must report (all warnings unless a test says otherwise).
    let findings: [String]
    let version: IMAPGrammarVersion
    let isGreeting: Bool

    init(_ name: String, _ wire: String, _ expected: IMAPResponse, findings: [String] = [],
         version: IMAPGrammarVersion = .rev1, greeting: Bool = false) {
        self.init(name, Array(wire.utf8), expected, findings: findings, version: version, greeting: greeting)
    }

    init(_ name: String, _ wire: [UInt8], _ expected: IMAPResponse, findings: [String] = [],
         version: IMAPGrammarVersion = .rev1, greeting: Bool = false) {
        self.name = name
        self.wire = wire
        self.expected = expected
        self.findings = findings
        self.version = version
        self.isGreeting = greeting
    }

    var testDescription: String { name }
}
