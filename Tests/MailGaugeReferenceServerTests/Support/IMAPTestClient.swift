import MailGaugeClient
import MailGaugeWire

/// A raw IMAP client for tests until the IMAP runner lands: sends tagged commands, decodes
/// every byte the server sends with MailGauge's own `IMAPResponseDecoder`, and keeps every
/// grammar finding so a test can require there were none.
final class IMAPTestClient {
    private let connection: Connection
    private var decoder: IMAPResponseDecoder
    private var nextTag = 1
    /// Every finding so far, with the frame it was found in.
    private(set) var findings: [(finding: Finding, frame: String)] = []
    private(set) var greeting: IMAPResponse?
    /// Every frame received, as text, for tests that look at exact values.
    private(set) var frames: [String] = []

    static func connect(port: Int, version: IMAPGrammarVersion = .rev1, tls: TLSOptions? = nil) async throws -> IMAPTestClient {
        let target = Target(mailProtocol: .imap, host: "127.0.0.1", port: port, security: tls == nil ? .plain : .implicitTLS)
        let connection = try await Connection.open(to: target, tls: tls ?? .init())
        let client = IMAPTestClient(connection: connection, version: version)
        client.greeting = try await client.next()
        return client
    }

    private init(connection: Connection, version: IMAPGrammarVersion) {
        self.connection = connection
        self.decoder = IMAPResponseDecoder(options: IMAPParserOptions(version: version))
    }

    /// Switches the grammar the decoder holds the server to (after ENABLE IMAP4rev2).
    func useGrammar(_ version: IMAPGrammarVersion) {
        decoder = IMAPResponseDecoder(options: IMAPParserOptions(version: version), expectsGreeting: false)
    }

    /// Sends `tag text`, and `literal` after the `+` continuation when given (or at once, for
    /// `{n+}`); returns every response up to and including the tagged one.
    @discardableResult
    func command(_ text: String, literal: [UInt8]? = nil, nonSynchronizing: Bool = false) async throws -> [IMAPResponse] {
        let tag = "t\(nextTag)"
        nextTag += 1
        var responses: [IMAPResponse] = []
        if let literal {
            try await send("\(tag) \(text) {\(literal.count)\(nonSynchronizing ? "+" : "")}\r\n")
            if !nonSynchronizing {
                let continuation = try await next()
                responses.append(continuation)
                guard case .continuation = continuation else { return responses }
            }
            try await connection.write(literal + [13, 10])
        } else {
            try await send("\(tag) \(text)\r\n")
        }
        return responses + (try await read { $0.tag == tag })
    }

    func send(_ text: String) async throws {
        try await connection.write(Array(text.utf8))
    }

    /// Reads responses until one satisfies `last`, which is included.
    func read(until last: (IMAPResponse) -> Bool) async throws -> [IMAPResponse] {
        var responses: [IMAPResponse] = []
        while true {
            let response = try await next()
            responses.append(response)
            if last(response) { return responses }
        }
    }

    func next() async throws -> IMAPResponse {
        while true {
            if let decoded = decoder.next() {
                let frame = String(decoding: decoded.frame.prefix(300), as: UTF8.self)
                frames.append(frame)
                findings += decoded.findings.map { ($0, frame) }
                if let response = decoded.response { return response }
                continue
            }
            guard let bytes = try await connection.read() else { throw IMAPTestClientError.closed }
            decoder.append(bytes.readableBytesView)
        }
    }

    func close() async {
        await connection.close()
    }
}

enum IMAPTestClientError: Error {
    case closed
}
