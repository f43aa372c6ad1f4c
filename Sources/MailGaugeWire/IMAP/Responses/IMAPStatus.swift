/// The condition words of status responses (RFC 9051 §7.1).
public enum IMAPStatus: String, Sendable, Hashable, CaseIterable {
    case ok = "OK"
    case no = "NO"
    case bad = "BAD"
    case preauth = "PREAUTH"
    case bye = "BYE"
}
