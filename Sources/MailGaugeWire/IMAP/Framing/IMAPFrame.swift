/// One complete server response cut from the byte stream: every line and literal up to the
/// CRLF that ends it (RFC 9051 §2.2.2, §4.3).
public struct IMAPFrame: Sendable, Hashable {
    /// The response as received, or only its first bytes when `isTruncated`.
    public var bytes: [UInt8]
    /// Framing-level findings: bare LF line ends and exceeded limits.
    public var findings: [Finding]
    /// A limit was exceeded; the rest of the response was discarded unread, so it cannot be parsed.
    public var isTruncated: Bool

    public init(bytes: [UInt8], findings: [Finding] = [], isTruncated: Bool = false) {
        self.bytes = bytes
        self.findings = findings
        self.isTruncated = isTruncated
    }
}
