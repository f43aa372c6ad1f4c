/// Upper bounds that keep the framer's memory bounded whatever a server sends.
///
/// IMAP puts no limit on line or literal length (RFC 9051 §4.3), so a client must pick its own;
/// RFC 7162 §4 asks clients to accept lines of at least 8192 octets. When a bound is crossed the
/// framer reports a finding, stops buffering and discards the rest of that response.
public struct IMAPFramingLimits: Sendable, Hashable {
    /// Longest run of bytes outside literals between two line ends, line end included.
    public var maxLineLength: Int
    /// Largest literal (`{n}` or `~{n}`) accepted; a larger one is reported when announced
    /// (finding `literalSizeRule`) and its octets skipped, not buffered.
    public var maxLiteralSize: Int
    public static let literalSizeRule = "limit-literal-size"
    /// Largest complete response, literals included.
    public var maxResponseSize: Int
    /// How many leading bytes of a truncated response are kept for the report.
    public var truncatedPrefixLength: Int

    public init(
        maxLineLength: Int = 1 << 20,
        maxLiteralSize: Int = 64 << 20,
        maxResponseSize: Int = 128 << 20,
        truncatedPrefixLength: Int = 256
    ) {
        self.maxLineLength = maxLineLength
        self.maxLiteralSize = maxLiteralSize
        self.maxResponseSize = maxResponseSize
        self.truncatedPrefixLength = truncatedPrefixLength
    }
}
