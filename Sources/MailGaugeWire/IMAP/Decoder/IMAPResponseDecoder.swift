/// Framer and parser together: bytes in, responses out, for a client reading a connection.
///
/// The first response is parsed as the greeting (RFC 9051 §7.1.1: OK, PREAUTH or BYE); the rest
/// as ordinary responses. Frame findings (bare LF, limits) come first in each result.
public struct IMAPResponseDecoder: Sendable {
    private var framer: IMAPResponseFramer
    private var parser: IMAPResponseParser
    private var awaitingGreeting: Bool

    /// - Parameter expectsGreeting: false when decoding mid-connection (e.g. after STARTTLS).
    public init(options: IMAPParserOptions = IMAPParserOptions(), limits: IMAPFramingLimits = IMAPFramingLimits(),
                expectsGreeting: Bool = true) {
        framer = IMAPResponseFramer(limits: limits)
        parser = IMAPResponseParser(options: options)
        awaitingGreeting = expectsGreeting
    }

    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        framer.append(bytes)
    }

    /// Switches the grammar for the responses still to come, as after `ENABLE IMAP4rev2`
    /// (RFC 9051 §6.3.1), without losing bytes already received.
    public mutating func use(_ version: IMAPGrammarVersion) {
        parser.options.version = version
    }

    /// Bytes received but not yet returned in a response (checked at STARTTLS).
    public var bufferedByteCount: Int { framer.bufferedByteCount }

    /// The next response with its raw frame and findings; nil means more bytes are needed.
    /// The response is nil when the frame was truncated by a limit or broke the grammar.
    public mutating func next() -> (response: IMAPResponse?, frame: [UInt8], findings: [Finding])? {
        guard let frame = framer.nextFrame() else { return nil }
        let expectation: IMAPResponseParser.Expectation = awaitingGreeting ? .greeting : .response
        awaitingGreeting = false
        if frame.isTruncated { return (nil, frame.bytes, frame.findings) }
        switch parser.parse(frame.bytes, expecting: expectation) {
        case .response(let response, let findings):
            return (response, frame.bytes, frame.findings + findings)
        case .invalid(let findings):
            return (nil, frame.bytes, frame.findings + findings)
        case .incomplete:
            // A complete frame never ends mid-rule; only a literal cut short by the frame's
            // own CRLF count can get here, which the grammar cannot accept.
            let finding = Finding(rule: "literal", reference: "RFC 9051 §4.3", severity: .violation,
                                  message: "response ends before the data it announces", bytes: Array(frame.bytes.suffix(48)))
            return (nil, frame.bytes, frame.findings + [finding])
        }
    }
}
