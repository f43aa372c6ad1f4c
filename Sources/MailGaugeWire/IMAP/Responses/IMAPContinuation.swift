/// `continue-req = "+" SP (resp-text / base64) CRLF` (RFC 9051 §7.6).
public enum IMAPContinuation: Sendable, Hashable {
    case text(IMAPResponseText)
    /// A SASL challenge (RFC 9051 §6.2.2), kept encoded.
    case base64(String)
}
