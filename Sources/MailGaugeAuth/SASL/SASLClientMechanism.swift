/// The client side of one SASL exchange (RFC 4422 §3), as IMAP AUTHENTICATE (RFC 9051 §6.2.2,
/// SASL-IR RFC 4959) and POP3 AUTH (RFC 5034) drive it.
///
/// Raw bytes in and out: the protocol layer does the base64 that IMAP and POP3 wrap challenges
/// in (RFC 4422 §4). A value serves one exchange; make a new one to authenticate again. When a
/// method throws, the caller ends the exchange (IMAP and POP3 cancel with `*`, RFC 4422 §3.5);
/// the value keeps the state it had.
public protocol SASLClientMechanism: Sendable {
    /// The registered mechanism name, e.g. "PLAIN", "SCRAM-SHA-256".
    var name: String { get }

    /// The initial response for SASL-IR (RFC 4959) or POP3 AUTH with an initial response
    /// (RFC 5034 §4), or nil for a mechanism that starts with a server challenge (LOGIN,
    /// CRAM-MD5). A caller that does not send it answers the server's empty challenge with
    /// `respond(to: [])` instead (RFC 4422 §3.3).
    mutating func initialResponse() throws(SASLError) -> [UInt8]?

    /// Answers one decoded server challenge; throws when the challenge is malformed, arrives
    /// when the mechanism expects none, or (SCRAM) carries a wrong server signature.
    mutating func respond(to challenge: [UInt8]) throws(SASLError) -> [UInt8]

    /// Called when the server reports success, with the success's additional data if the
    /// protocol carried some (RFC 4422 §3.6). SCRAM verifies its server-final-message here when it
    /// came that way, and fails when it never came at all; every mechanism fails when the
    /// success arrives before the client sent its last message.
    mutating func verifySuccess(additionalData: [UInt8]?) throws(SASLError)

    /// True once `verifySuccess` accepted the outcome; for SCRAM that includes a verified server
    /// signature, i.e. the server proved it knows the password.
    var isComplete: Bool { get }
}
