/// Where the framer stands in the byte stream; one case per lexical context that changes how a
/// CR, LF, `"` or `{` must be read (RFC 9051 §4.3 literals, §4.3 quoted strings, §2.2 CRLF).
enum IMAPFramerState: Sendable, Hashable {
    /// Ordinary response text.
    case normal
    /// A CR was read; an LF ends the line. `pendingLiteral` is the octet count when the line
    /// ended in a literal header, so the response continues with that many raw bytes.
    case afterCR(pendingLiteral: Int?)
    /// Inside a quoted string; `escaped` after a backslash. Quoted strings cannot hold CR or LF,
    /// so a line end still ends the line (the parser reports the unterminated string).
    case quoted(escaped: Bool)
    /// After `{`, reading a possible literal announcement.
    case literalHeader(IMAPLiteralHeader)
    /// Inside literal data with this many octets still to come.
    case literal(remaining: Int)
}
