/// `resp-text-code`: the bracketed code of a status response (RFC 9051 §7.1, RFC 3501 §7.1,
/// RFC 4315 UIDPLUS, RFC 7162 CONDSTORE/QRESYNC, RFC 5530 codes).
public enum IMAPResponseCode: Sendable, Hashable {
    case alert
    case badCharset([String])
    case capability([String])
    case parse
    case permanentFlags([String])
    case readOnly
    case readWrite
    case tryCreate
    case uidNext(UInt32)
    case uidValidity(UInt32)
    /// IMAP4rev1 only; RFC 9051 dropped it.
    case unseen(UInt32)
    case appendUID(uidValidity: UInt32, uids: IMAPSequenceSet)
    case copyUID(uidValidity: UInt32, source: IMAPSequenceSet, destination: IMAPSequenceSet)
    case highestModSeq(UInt64)
    case modified(IMAPSequenceSet)
    /// A code without arguments: UIDNOTSTICKY, NOMODSEQ, CLOSED and the RFC 5530 codes.
    case condition(IMAPConditionCode)
    /// `atom [SP 1*<any TEXT-CHAR except "]">]`: any other code.
    case other(name: String, text: String?)

    /// The number a code carries: UIDNEXT, UIDVALIDITY, UNSEEN, HIGHESTMODSEQ, or the
    /// UIDVALIDITY of APPENDUID and COPYUID.
    public var number: UInt64? {
        switch self {
        case .uidNext(let n), .uidValidity(let n), .unseen(let n): return UInt64(n)
        case .appendUID(let validity, _), .copyUID(let validity, _, _): return UInt64(validity)
        case .highestModSeq(let n): return n
        default: return nil
        }
    }

    /// The code's name as it appears on the wire, upper-cased.
    public var name: String {
        switch self {
        case .alert: return "ALERT"
        case .badCharset: return "BADCHARSET"
        case .capability: return "CAPABILITY"
        case .parse: return "PARSE"
        case .permanentFlags: return "PERMANENTFLAGS"
        case .readOnly: return "READ-ONLY"
        case .readWrite: return "READ-WRITE"
        case .tryCreate: return "TRYCREATE"
        case .uidNext: return "UIDNEXT"
        case .uidValidity: return "UIDVALIDITY"
        case .unseen: return "UNSEEN"
        case .appendUID: return "APPENDUID"
        case .copyUID: return "COPYUID"
        case .highestModSeq: return "HIGHESTMODSEQ"
        case .modified: return "MODIFIED"
        case .condition(let code): return code.rawValue
        case .other(let name, _): return name.uppercased()
        }
    }
}
