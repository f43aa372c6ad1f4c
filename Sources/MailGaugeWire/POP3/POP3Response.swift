/// One complete POP3 response as received, with every departure from the grammar found in it.
public struct POP3Response: Sendable, Equatable {
    /// `+OK` or `-ERR`; nil for an AUTH continuation (`+ ...`) or an unrecognisable indicator.
    /// A wrongly-cased indicator (`+ok`) is still recognised here, and reported.
    public var status: POP3Status?
    /// Whether this is an AUTH continuation line (`+ base64`, RFC 5034 §4).
    public var isContinuation: Bool
    /// The RFC 2449 §8 extended response code without brackets, e.g. `IN-USE`, `SYS/TEMP`.
    public var responseCode: String?
    /// The first line, without its line ending.
    public var statusLine: [UInt8]
    /// The status line after the indicator and one SP, as lossy UTF-8; includes any `[CODE]`.
    public var text: String
    /// Multi-line only: the content lines, unstuffed, without line endings or the terminator.
    public var body: PackedLines?
    /// Every byte this response consumed from the stream (excess beyond `POP3Limits` excepted).
    public var wireBytes: [UInt8]
    /// Departures from the grammar, in the order found.
    public var findings: [Finding]

    public init(
        status: POP3Status?, isContinuation: Bool, responseCode: String?, statusLine: [UInt8],
        text: String, body: PackedLines?, wireBytes: [UInt8], findings: [Finding]
    ) {
        self.status = status
        self.isContinuation = isContinuation
        self.responseCode = responseCode
        self.statusLine = statusLine
        self.text = text
        self.body = body
        self.wireBytes = wireBytes
        self.findings = findings
    }
}
