import MailGaugeWire
import NIOCore

/// An IMAP conversation over one connection: sends bytes, hands back decoded responses one
/// at a time. Tags, literals and what a reply means are the caller's business.
public final class IMAPClient {
    public let connection: Connection
    private var parserOptions: IMAPParserOptions
    private let limits: IMAPFramingLimits
    private var decoder: IMAPResponseDecoder

    public init(connection: Connection, options: IMAPParserOptions = .init(), limits: IMAPFramingLimits = .init()) {
        self.connection = connection
        self.parserOptions = options
        self.limits = limits
        self.decoder = IMAPResponseDecoder(options: options, limits: limits)
    }

    /// Parses what follows by the other revision's grammar, once the server enabled it.
    public func use(_ version: IMAPGrammarVersion) {
        parserOptions.version = version
        decoder.use(version)
    }

    public func send(_ bytes: [UInt8]) async throws(ConnectionError) {
        try await connection.write(bytes)
    }

    /// The next whole response (its literals included), decoded.
    public func receive() async throws(ConnectionError) -> IMAPReceived {
        var deadline = ReplyDeadline(connection.replyTimeout)
        while true {
            if let next = decoder.next() {
                // Announced above --max-message-size: its octets, which may never come, are not
                // waited for (nor the rest of the reply).
                if next.findings.contains(where: { $0.rule == IMAPFramingLimits.literalSizeRule }) {
                    throw ConnectionError(.tooLarge, endpoint: connection.target.endpoint,
                                          "a literal larger than --max-message-size announced: \(ByteEscaping.escape(next.frame.suffix(64).prefix { $0 != 13 && $0 != 10 })); the connection is dropped")
                }
                return IMAPReceived(response: next.response, frame: next.frame, findings: next.findings)
            }
            guard let bytes = try await connection.read() else {
                throw ConnectionError(.closed, endpoint: connection.target.endpoint, "connection closed by the server before a complete response")
            }
            try deadline.received(bytes.readableBytes, from: connection.target.endpoint)
            decoder.append(bytes.readableBytesView)
        }
    }

    /// Sends `tag STARTTLS` (RFC 9051 §6.2.1), reads up to its completion and, on OK,
    /// switches the connection to TLS. Returns what the server sent, for the transcript.
    /// `pipelining` goes out in the same write as the command: the plaintext a conformance
    /// probe injects to see whether the server wrongly answers it inside TLS (CVE-2011-0411).
    public func startTLS(tag: String, pipelining: [UInt8] = []) async throws(ConnectionError) -> [IMAPReceived] {
        try await send(Array("\(tag) STARTTLS\r\n".utf8) + pipelining)
        var received: [IMAPReceived] = []
        while true {
            let next = try await receive()
            received.append(next)
            guard next.tag == tag else { continue }
            guard next.response?.status == .ok else {
                throw ConnectionError(.tls, endpoint: connection.target.endpoint,
                                      "server refused STARTTLS: \(ByteEscaping.escape(next.frame.prefix(200)))")
            }
            try await connection.startTLS(unconsumedBytes: decoder.bufferedByteCount)
            // The session restarts inside TLS: no greeting follows (RFC 9051 §6.2.1).
            decoder = IMAPResponseDecoder(options: parserOptions, limits: limits, expectsGreeting: false)
            return received
        }
    }
}

/// One response as it arrived: the parsed value (nil when it broke the grammar), its raw
/// bytes and the grammar's findings.
public struct IMAPReceived: Sendable {
    public var response: IMAPResponse?
    public var frame: [UInt8]
    public var findings: [Finding]

    /// The tag of a completion: the parsed one, or the first word of a response that broke
    /// the grammar and does not start with `*` or `+` (RFC 9051 §2.2.2: then it is tagged). A
    /// completion with a NUL in its text still ends the command's wait.
    public var tag: String? {
        if let response { return response.tag }
        let word = firstLine.prefix { $0 != UInt8(ascii: " ") }
        guard let first = word.first, first != UInt8(ascii: "*"), first != UInt8(ascii: "+") else { return nil }
        return String(decoding: word, as: UTF8.self)
    }

    /// The frame's first line without CRLF: what an `S:` pattern is matched against.
    public var firstLine: ArraySlice<UInt8> {
        let end = frame.firstIndex(of: 10) ?? frame.endIndex
        let line = frame[..<end]
        return line.last == 13 ? line.dropLast() : line
    }

    /// The content of the literal announced at the end of the first line, if any.
    public var literal: ArraySlice<UInt8>? {
        let line = firstLine
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        let digits = line[(open + 1)..<(line.endIndex - 1)]
        guard !digits.isEmpty, digits.allSatisfy({ (48...57).contains($0) }),
              let size = Int(String(decoding: digits, as: UTF8.self)) else { return nil }
        let start = (frame.firstIndex(of: 10) ?? frame.endIndex) + 1
        guard start + size <= frame.count else { return nil }
        return frame[start..<(start + size)]
    }
}
