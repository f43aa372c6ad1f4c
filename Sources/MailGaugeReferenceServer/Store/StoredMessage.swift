/// A message in a mailbox: its content plus the per-mailbox state IMAP tracks (RFC 9051 §2.3).
struct StoredMessage: Sendable {
    /// Unique identifier, strictly ascending within the mailbox (RFC 9051 §2.3.1.1).
    var uid: UInt32
    var flags: FlagSet
    /// INTERNALDATE as seconds since 1970, always in UTC (RFC 9051 §2.3.3).
    var internalDate: Int64
    /// Mod-sequence of the last change to this message's metadata (RFC 7162 §3.1.1).
    var modSeq: UInt64
    let content: MessageContent
}
