/// Why a mailbox operation was refused, with the response code IMAP reports it under
/// (RFC 5530 codes, RFC 9051 §7.1).
enum StoreError: Error, Sendable, Equatable {
    /// The mailbox does not exist: `[NONEXISTENT]`, or `[TRYCREATE]` for APPEND/COPY/MOVE targets.
    case noSuchMailbox
    /// CREATE or RENAME onto a name in use: `[ALREADYEXISTS]`.
    case alreadyExists
    /// DELETE or RENAME of INBOX's special cases, or a name that cannot be used: `[CANNOT]`.
    case cannot(String)
    /// CREATE with a special use (RFC 6154 §3) this server cannot give: `[USEATTR]`.
    case unsupportedUse
}
