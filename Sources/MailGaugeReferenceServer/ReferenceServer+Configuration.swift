extension ReferenceServer {
    /// What a reference server serves and which faults it commits.
    public struct Configuration: Sendable {
        /// Who may log in; every account gets its own copy of the seed messages in INBOX, and empty
        /// `Archive` (\Archive) and `Sent` (\Sent) mailboxes (RFC 6154), as the test Dovecot has.
        public var accounts: [ReferenceAccount]
        /// The messages every INBOX starts with, in order; LF or CRLF line ends, served as CRLF.
        public var seedMessages: [SeedMessage]
        /// Deliberate defects, each breaking one RFC rule (see `Fault`); empty for a conforming server.
        public var faults: Set<Fault>
        /// Refuse plaintext logins on unencrypted connections: IMAP advertises LOGINDISABLED and
        /// POP3 hides USER (RFC 9051 §6.2.3, RFC 2595 §2.2); STARTTLS/STLS first, then log in.
        public var requireTLSForLogin: Bool
        /// Keep every byte clients send before TLS (see `RunningReferenceServer.clearTextReceived`),
        /// so a test can show that no secret ever crossed a connection unencrypted.
        public var recordsClearText: Bool
        /// The loopback address to listen on.
        public var host: String
        /// Event-loop threads; `nil` uses one per core. Sessions never get a thread of their own.
        public var threads: Int?

        public init(accounts: [ReferenceAccount] = ReferenceAccount.numbered(20),
                    seedMessages: [SeedMessage] = SeedMessage.embedded,
                    faults: Set<Fault> = [], requireTLSForLogin: Bool = false, recordsClearText: Bool = false,
                    host: String = "127.0.0.1", threads: Int? = nil) {
            self.accounts = accounts
            self.seedMessages = seedMessages
            self.faults = faults
            self.requireTLSForLogin = requireTLSForLogin
            self.recordsClearText = recordsClearText
            self.host = host
            self.threads = threads
        }
    }
}
