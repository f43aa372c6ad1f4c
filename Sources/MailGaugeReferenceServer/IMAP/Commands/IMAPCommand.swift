/// A parsed client command (RFC 9051 §6 and the extensions this server speaks).
enum IMAPCommand: Sendable {
    // Any state (RFC 9051 §6.1)
    case capability, noop, logout
    case id
    // Not authenticated (§6.2)
    case startTLS
    case login(user: String, password: String)
    /// AUTHENTICATE with an optional SASL-IR initial response (RFC 4959).
    case authenticate(mechanism: String, initialResponse: String?)
    // Authenticated (§6.3)
    case enable([String])
    case select(mailbox: String, readOnly: Bool, condStore: Bool)
    case create(String, specialUse: [String]), delete(String), rename(String, to: String)
    case subscribe(String), unsubscribe(String)
    case list(IMAPListCommand)
    case lsub(reference: String, pattern: String)
    case namespace
    case status(mailbox: String, items: [String])
    case append(mailbox: String, flags: [String], internalDate: Int64?, message: [UInt8])
    case idle
    // Selected (§6.4)
    case close, unselect, check
    case expunge(uids: SequenceSet?)
    case search(uid: Bool, returnOptions: [String]?, key: SearchKey)
    case fetch(uid: Bool, set: SequenceSet, items: [FetchItem], changedSince: UInt64?)
    case store(uid: Bool, set: SequenceSet, operation: StoreOperation, silent: Bool, flags: [String], unchangedSince: UInt64?)
    case copy(uid: Bool, set: SequenceSet, mailbox: String)
    case move(uid: Bool, set: SequenceSet, mailbox: String)
}

/// LIST with the RFC 5258 extensions: selection options, several patterns, return options.
struct IMAPListCommand: Sendable, Equatable {
    var selectionOptions: [String] = []
    var reference: String
    var patterns: [String]
    var returnOptions: [String] = []
    /// `RETURN (STATUS (…))` (RFC 5819): the status items to send for each mailbox.
    var statusItems: [String]?
}
