/// The octets of one message and their MIME structure, parsed once when the message enters a
/// mailbox and shared, immutable, by every copy of it (COPY and MOVE do not re-parse).
final class MessageContent: Sendable {
    /// The message as stored and served: CRLF line ends.
    let bytes: [UInt8]
    /// The top-level entity (RFC 2045); its header is the message header (RFC 5322).
    let root: MIMEPart

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.root = MIMEPart(parsing: bytes, range: 0..<bytes.count, defaultType: .textPlain)
    }

    /// RFC822.SIZE, the POP3 LIST size: the number of octets sent, CRLF included.
    var size: Int { bytes.count }
}
