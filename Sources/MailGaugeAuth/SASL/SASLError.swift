/// Why a SASL exchange (RFC 4422) could not go on, as one line for a report.
///
/// The `kind` is a stable name so results can be compared across runs; the `detail` says
/// which message or field was wrong and cites the RFC. Details may quote what the *server*
/// sent (sanitised, bounded), but never the password or anything derived from it: errors end
/// up in transcripts and reports.
public struct SASLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable names for the ways an exchange fails.
    public enum Kind: String, Sendable, Equatable {
        /// The mechanism name is not one of `SASLMechanisms.supported`.
        case unsupportedMechanism
        /// An authorization identity was given to a mechanism that cannot carry one (LOGIN, CRAM-MD5).
        case unsupportedAuthorizationID
        /// A username, password, injected nonce or DIGEST-MD5 service or host cannot be used (NUL in
        /// PLAIN, SASLprep prohibition, a non-ISO 8859-1 password for DIGEST-MD5 without charset=utf-8, …).
        case invalidCredential
        /// Bytes that must be base64 (RFC 4648 §4) are not.
        case invalidBase64
        /// A server challenge does not follow the mechanism's grammar.
        case malformedChallenge
        /// The SCRAM server nonce does not extend the client nonce (RFC 5802 §5.1).
        case nonceMismatch
        /// The SCRAM iteration count is not a usable positive number (RFC 5802 §5.1).
        case invalidIterationCount
        /// The SCRAM server signature (RFC 5802 §5) or DIGEST-MD5 rspauth (RFC 2831 §2.1.3) is wrong:
        /// the server does not know the password.
        case serverSignatureMismatch
        /// The server reported success without ever sending the SCRAM server-final-message
        /// (RFC 5802 §5) or the DIGEST-MD5 rspauth (RFC 2831 §2.1.3).
        case missingServerSignature
        /// The server reported a SCRAM `e=` error (RFC 5802 §7, server-error).
        case serverError
        /// A challenge arrived after the mechanism had nothing more to say.
        case unexpectedChallenge
        /// The caller drove the exchange out of order (success before the client finished, a call after a failure, …).
        case outOfOrder
    }

    /// The stable name of this failure.
    public let kind: Kind
    /// One line of detail; never contains the password or derived keys.
    public let detail: String

    init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }

    /// Server bytes made fit for a one-line message: printable ASCII kept, anything else as `?`,
    /// at most `limit` characters, so a hostile server cannot inject lines into a report.
    static func quote(_ bytes: some Collection<UInt8>, limit: Int = 80) -> String {
        let shown = bytes.prefix(limit).map { byte in
            (0x20...0x7E).contains(byte) ? Character(Unicode.Scalar(byte)) : "?"
        }
        return "\"" + String(shown) + (bytes.count > limit ? "…" : "") + "\""
    }
}
