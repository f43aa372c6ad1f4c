import MailGaugeWire
import NIOCore

/// A POP3 conversation over one connection: sends command lines, hands back decoded replies.
///
/// It decides nothing about whether a reply is right; the decoder's findings travel with it.
public final class POP3Client {
    public let connection: Connection
    private var decoder: POP3ResponseDecoder

    public init(connection: Connection, limits: POP3Limits = .init()) {
        self.connection = connection
        self.decoder = POP3ResponseDecoder(limits: limits)
    }

    /// Sends one command line; CRLF is added here, so a line must not contain one.
    public func send(_ line: String) async throws(ConnectionError) {
        try await connection.write(Array(line.utf8) + [13, 10])
    }

    /// Reads until one whole reply, decoded as an answer to `context`, has arrived.
    public func receive(_ context: POP3ReplyContext) async throws(ConnectionError) -> POP3Response {
        var deadline = ReplyDeadline(connection.replyTimeout)
        while true {
            if let response = decoder.nextResponse(for: context) { return response }
            guard let bytes = try await connection.read() else {
                let findings = decoder.finish(for: context)
                let detail = findings.isEmpty ? "" : " (\(findings.map(\.summary).joined(separator: "; ")))"
                throw ConnectionError(.closed, endpoint: connection.target.endpoint, "connection closed by the server before a complete reply\(detail)")
            }
            try deadline.received(bytes.readableBytes, from: connection.target.endpoint)
            decoder.append(bytes.readableBytesView)
        }
    }

    /// Sends STLS (RFC 2595 §4) and, on `+OK`, switches the connection to TLS.
    /// Returns the server's reply so the caller can record it. `pipelining` goes out in the
    /// same write, for probes of plaintext command injection (CVE-2011-0411).
    public func startTLS(pipelining: [UInt8] = []) async throws(ConnectionError) -> POP3Response {
        try await connection.write(Array("STLS\r\n".utf8) + pipelining)
        let reply = try await receive(.singleLine(verb: "STLS"))
        guard reply.status == .ok else {
            throw ConnectionError(.tls, endpoint: connection.target.endpoint,
                                  "server refused STLS: \(ByteEscaping.escape(reply.statusLine))")
        }
        try await connection.startTLS(unconsumedBytes: decoder.bufferedByteCount)
        return reply
    }
}
