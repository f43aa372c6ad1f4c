/// Bounds on waiting, so a silent or slow server can never hang a run.
public struct Timeouts: Sendable {
    public var connect: Duration
    /// The longest wait for the next bytes of a reply the client is waiting for.
    public var read: Duration
    /// The longest one reply (an IMAP response, a POP3 reply) may take from its first bytes to
    /// its last: a server that trickles a byte at a time never lets `read` expire.
    public var reply: Duration

    public init(connect: Duration = .seconds(10), read: Duration = .seconds(30), reply: Duration = .seconds(60)) {
        self.connect = connect
        self.read = read
        self.reply = reply
    }
}
