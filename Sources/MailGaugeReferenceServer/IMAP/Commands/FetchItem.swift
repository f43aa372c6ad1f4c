/// One `fetch-att` of a FETCH command (RFC 9051 §6.4.5, RFC 3501 §6.4.5, RFC 7162 §3.1.4).
enum FetchItem: Sendable, Equatable {
    /// `<origin.length>` of a partial fetch.
    struct Partial: Sendable, Equatable {
        let origin: Int
        let length: Int
    }

    case flags, uid, internalDate, rfc822Size, envelope, bodyStructure, modSeq
    /// `BODY` without a section: the non-extensible body structure.
    case body
    case bodySection(SectionSpecifier, Partial?, peek: Bool)
    /// `BINARY[part]` (RFC 3516 §4.2): the part's content with its transfer encoding undone.
    case binary([Int], Partial?, peek: Bool)
    case binarySize([Int])
    /// RFC 3501 only: the same as BODY[], BODY.PEEK[HEADER], BODY[TEXT], named differently.
    case rfc822, rfc822Header, rfc822Text

    /// Whether fetching this sets \Seen (RFC 9051 §6.4.5: BODY[…] and BINARY[…] without PEEK).
    var setsSeen: Bool {
        switch self {
        case .bodySection(_, _, let peek), .binary(_, _, let peek): !peek
        case .rfc822, .rfc822Text: true
        default: false
        }
    }
}
