/// The outcome of parsing one frame.
public enum IMAPParseResult: Sendable, Hashable {
    /// Parsed; findings hold warnings and any violations the parser could read past.
    case response(IMAPResponse, findings: [Finding])
    /// The bytes stop mid-response; a framer would have waited for more.
    case incomplete
    /// The bytes break the grammar; the findings name the rule and show the offending bytes.
    case invalid(findings: [Finding])
}
