/// What the server said about itself, taken from sessions the run made anyway (never from a
/// connection of its own): its greeting, its capabilities and the TLS it negotiated.
public struct ServerInfo: Sendable, Codable, Equatable {
    /// The greeting's first line as received, escaped as in transcripts (`\xNN` for bytes
    /// that are not printable ASCII), secrets masked.
    public var greeting: String
    /// As the server listed them, in its order and spelling: IMAP capability names (RFC 9051
    /// §7.2.2), or POP3 CAPA lines, tag and arguments (RFC 2449 §5). Taken from the first
    /// connection that listed any, as it listed them last — for IMAP usually after login
    /// (RFC 9051 §6.2.3), so the list may lack what is offered only before it (STARTTLS,
    /// AUTH=). nil when no session asked.
    public var capabilities: [String]?
    /// nil when the greeting came over a connection that never used TLS.
    public var tls: TLSInfo?

    public init(greeting: String, capabilities: [String]? = nil, tls: TLSInfo? = nil) {
        self.greeting = greeting
        self.capabilities = capabilities
        self.tls = tls
    }
}
