/// Decodes POP3 responses from a byte stream that arrives in arbitrary pieces, reporting every
/// departure from the grammar as a `Finding`.
///
/// Framing is lenient and reporting strict: a bare LF still ends a line, an over-long line is
/// cut and reported, and a malformed status line still frames its body, so a sloppy server
/// never stalls the decoder. Feeding a reply one byte at a time gives exactly the responses
/// and findings that feeding it whole does.
public struct POP3ResponseDecoder: Sendable {
    private let limits: POP3Limits
    private var framer: POP3LineFramer
    private var pending: POP3PendingResponse?

    public init(limits: POP3Limits = .init()) {
        self.limits = limits
        framer = POP3LineFramer(maxLineLength: limits.maxLineLength)
    }

    /// Adds bytes received from the server.
    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        framer.append(bytes)
    }

    /// The next complete response, decoded as an answer to `context`; nil when more bytes are
    /// needed. A response is decoded against the context given when its first line arrived.
    public mutating func nextResponse(for context: POP3ReplyContext) -> POP3Response? {
        while let line = framer.nextLine() {
            if pending == nil {
                pending = POP3PendingResponse(firstLine: line, context: context, limits: limits)
            } else {
                pending?.absorb(line)   // in place: the body is never copied
            }
            if let complete = pending, complete.isComplete {
                pending = nil
                return complete.response()
            }
        }
        return nil
    }

    /// At end of stream: findings for a partial response left over (an unterminated line, or
    /// EOF inside a multi-line body), and clears it. Call after `nextResponse` returns nil.
    public mutating func finish(for context: POP3ReplyContext) -> [Finding] {
        let unterminated = framer.takeUnterminated()
        var findings: [Finding] = []
        if !unterminated.isEmpty {
            findings.append(POP3Rule.lineEnding.finding(
                "stream ended inside a line, before its CRLF", unterminated.prefix(80)))
        }
        // Either a body had begun, or the status line that would have opened one was cut off.
        let insideBody = pending != nil || (context.hasBodyWhenPositive && unterminated.first == POP3Bytes.plus)
        if insideBody {
            findings.append(POP3Rule.multilineTerminator.finding(
                "stream ended before the \".\" line that ends a multi-line response", unterminated.prefix(80)))
        }
        pending = nil
        return findings
    }

    /// Bytes received but not yet consumed by a complete response (used to detect data sent
    /// after STLS's +OK, RFC 2595 §4).
    public var bufferedByteCount: Int {
        framer.bufferedByteCount + (pending?.consumedByteCount ?? 0)
    }
}
