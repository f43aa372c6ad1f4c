/// A cursor over one response frame with the bookkeeping every grammar rule shares: position,
/// nesting depth, collected findings and the furthest failure (the best diagnosis when
/// alternatives all fail). Rules live in extensions, one file per area of RFC 9051 §9.
struct IMAPGrammarParser {
    let bytes: [UInt8]
    let options: IMAPParserOptions
    var position = 0
    var depth = 0
    var findings: [Finding] = []
    private(set) var furthestFailure: IMAPGrammarError?

    init(bytes: [UInt8], options: IMAPParserOptions) {
        self.bytes = bytes
        self.options = options
    }

    var version: IMAPGrammarVersion { options.version }

    /// The current byte, or nil at the end of the frame.
    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Records a failure of `rule` at `offset` (default: here) and returns it for throwing.
    mutating func fail(_ rule: IMAPGrammarRule, expected: String, at offset: Int? = nil) -> IMAPGrammarError {
        let offset = offset ?? position
        let error = IMAPGrammarError(rule: rule, offset: offset, expected: expected, isIncomplete: offset >= bytes.count)
        if furthestFailure.map({ offset > $0.offset }) ?? true { furthestFailure = error }
        return error
    }

    /// Records a departure the parser reads past: a leniency (`.warning`) or a MUST broken in a
    /// way that does not stop parsing (`.violation`).
    mutating func note(_ rule: IMAPGrammarRule, _ severity: Finding.Severity, _ message: String, at offset: Int? = nil) {
        let offset = offset ?? position
        findings.append(Finding(
            rule: rule.name.description, reference: rule.reference(version), severity: severity,
            message: "\(message) at offset \(offset)", bytes: window(around: offset)))
    }

    /// The finding for a failure that stopped the parse.
    func finding(for error: IMAPGrammarError) -> Finding {
        Finding(rule: error.rule.name.description, reference: error.rule.reference(version), severity: .violation,
                message: "expected \(error.expected) at offset \(error.offset)", bytes: window(around: error.offset))
    }

    /// Up to 24 bytes either side of `offset`: enough to see the context in a report.
    func window(around offset: Int) -> [UInt8] {
        let lower = max(0, min(offset, bytes.count) - 24)
        return Array(bytes[lower..<min(bytes.count, offset + 24)])
    }
}
