/// `section-msgtext` / `section-text` (RFC 9051 §9).
public enum IMAPSectionText: Sendable, Hashable {
    case header
    case headerFields([String])
    case headerFieldsNot([String])
    case text
    case mime
}
