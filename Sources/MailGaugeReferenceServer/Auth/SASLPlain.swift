import Foundation

/// The SASL PLAIN mechanism's message (RFC 4616 §2): `[authzid] NUL authcid NUL passwd`,
/// base64-encoded on the wire (RFC 5034 §4 for POP3, RFC 9051 §6.2.2 for IMAP).
struct SASLPlain: Sendable, Equatable {
    let authorizationIdentity: String
    let user: String
    let password: String

    /// Nil when the text is not base64 or not three NUL-separated fields.
    init?(base64: String) {
        guard let data = Data(base64Encoded: base64) else { return nil }
        let fields = data.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { return nil }
        authorizationIdentity = String(decoding: fields[0], as: UTF8.self)
        user = String(decoding: fields[1], as: UTF8.self)
        password = String(decoding: fields[2], as: UTF8.self)
    }

    /// The identity may be empty or the user's own: this server does no proxy authorization.
    var actsAsSelf: Bool { authorizationIdentity.isEmpty || authorizationIdentity == user }
}
