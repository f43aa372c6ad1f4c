/// Parses one framed server response against the IMAP grammar (RFC 9051 §9 or RFC 3501 §9).
///
/// Input is a frame from `IMAPResponseFramer`: complete, ending in CRLF (or a bare LF the
/// framer has already reported). The result carries the value and every finding; a frame that
/// breaks the grammar yields a violation naming the ABNF rule, the offset and the bytes there.
public struct IMAPResponseParser: Sendable {
    /// Which rule the frame must match: the connection's first response is a `greeting`.
    public enum Expectation: Sendable, Hashable {
        case greeting
        case response
    }

    public var options: IMAPParserOptions

    public init(options: IMAPParserOptions = IMAPParserOptions()) {
        self.options = options
    }

    public func parse(_ frame: [UInt8], expecting expectation: Expectation = .response) -> IMAPParseResult {
        var parser = IMAPGrammarParser(bytes: frame, options: options)
        do {
            let response = expectation == .greeting ? try parser.greeting() : try parser.response()
            return .response(response, findings: parser.findings)
        } catch {
            let failure = parser.furthestFailure ?? error
            if failure.isIncomplete { return .incomplete }
            return .invalid(findings: parser.findings + [parser.finding(for: failure)])
        }
    }
}
