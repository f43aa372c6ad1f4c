import Testing
import MailGaugeWire

/// One row of the decoder table: what is sent, in answer to what, and what must come out.
struct POP3ResponseCase: Sendable, CustomTestStringConvertible {
    var name: String
    var context: POP3ReplyContext
    var input: [UInt8]
    /// The status of each response, in order; its count is the number of responses expected.
    var statuses: [POP3Status?]
    /// The first response's body (nil for single-line).
    var body: [String]?
    /// The first response's extended response code.
    var responseCode: String?
    /// Every rule reported, sorted.
    var rules: [String]
    var limits: POP3Limits

    init(
        _ name: String, _ context: POP3ReplyContext, _ input: String,
        statuses: [POP3Status?], body: [String]? = nil, responseCode: String? = nil,
        rules: [String] = [], limits: POP3Limits = .init()
    ) {
        self.name = name
        self.context = context
        self.input = Array(input.utf8)
        self.statuses = statuses
        self.body = body
        self.responseCode = responseCode
        self.rules = rules.sorted()
        self.limits = limits
    }

    var testDescription: String { name }
}
