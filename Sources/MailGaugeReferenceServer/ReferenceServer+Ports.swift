extension ReferenceServer {
    /// The ports a running reference server listens on, all on its configured host.
    public struct Ports: Sendable, Hashable {
        /// POP3 on a plain connection, STLS available (RFC 1939, RFC 2595).
        public var pop3: Int
        /// POP3 over implicit TLS (RFC 8314).
        public var pop3s: Int
        /// IMAP on a plain connection, STARTTLS available (RFC 9051).
        public var imap: Int
        /// IMAP over implicit TLS (RFC 8314).
        public var imaps: Int
    }
}
