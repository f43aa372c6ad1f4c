/// What a `*` response carries (RFC 9051 §7.1–7.5 and the extensions MailGauge checks).
public enum IMAPUntaggedData: Sendable, Hashable {
    /// OK, NO, BAD or BYE (`resp-cond-state`, `resp-cond-bye`).
    case condition(IMAPStatusResponse)
    case capability([String])
    /// ENABLED (RFC 5161, RFC 9051 §7.2.1).
    case enabled([String])
    case flags([String])
    case list(IMAPMailboxListing)
    /// LSUB: IMAP4rev1 only.
    case lsub(IMAPMailboxListing)
    case status(mailbox: String, attributes: [IMAPStatusAttribute])
    /// SEARCH, with the highest mod-sequence when CONDSTORE adds one (RFC 7162 §3.1.5).
    case search([UInt32], modSeq: UInt64?)
    case esearch(IMAPESearchResponse)
    case exists(UInt32)
    /// RECENT: IMAP4rev1 only.
    case recent(UInt32)
    case expunge(UInt32)
    case fetch(UInt32, [IMAPMessageAttribute])
    /// VANISHED (RFC 7162 §3.2.10).
    case vanished(earlier: Bool, IMAPSequenceSet)
    case namespace(IMAPNamespaceResponse)
    /// ID (RFC 2971); nil for `ID NIL`.
    case id([IMAPIDParameter]?)
    /// An untagged response this parser does not know, named by its first atom.
    case unrecognised(name: String)

    /// The response name: `OK`, `EXISTS`, `FETCH`, `CAPABILITY`, …
    public var kind: String {
        switch self {
        case .condition(let status): return status.status.rawValue
        case .capability: return "CAPABILITY"
        case .enabled: return "ENABLED"
        case .flags: return "FLAGS"
        case .list: return "LIST"
        case .lsub: return "LSUB"
        case .status: return "STATUS"
        case .search: return "SEARCH"
        case .esearch: return "ESEARCH"
        case .exists: return "EXISTS"
        case .recent: return "RECENT"
        case .expunge: return "EXPUNGE"
        case .fetch: return "FETCH"
        case .vanished: return "VANISHED"
        case .namespace: return "NAMESPACE"
        case .id: return "ID"
        case .unrecognised(let name): return name.uppercased()
        }
    }

    /// The UID of a FETCH response, when it carries one.
    public var uid: UInt32? {
        guard case .fetch(_, let attributes) = self else { return nil }
        for case .uid(let uid) in attributes { return uid }
        return nil
    }

    /// The number a response is about: EXISTS/RECENT counts, EXPUNGE and FETCH sequence numbers.
    public var number: UInt32? {
        switch self {
        case .exists(let n), .recent(let n), .expunge(let n), .fetch(let n, _): return n
        default: return nil
        }
    }
}
