/// One `msg-att` item of a FETCH response (RFC 9051 §7.5.2, RFC 3501 §7.4.2, RFC 7162, RFC 8970).
public enum IMAPMessageAttribute: Sendable, Hashable {
    case flags([String])
    case envelope(IMAPEnvelope)
    case internalDate(IMAPDateTime)
    case rfc822Size(UInt64)
    /// RFC822, RFC822.HEADER or RFC822.TEXT (IMAP4rev1; gone from IMAP4rev2).
    case rfc822(IMAPRFC822Part, [UInt8]?)
    /// BODY without a section: the non-extensible BODYSTRUCTURE.
    case body(IMAPBodyStructure)
    case bodyStructure(IMAPBodyStructure)
    /// `BODY section ["<" number ">"] SP nstring`; nil data for NIL.
    case bodySection(IMAPSection, origin: UInt32?, data: [UInt8]?)
    /// `BINARY section-binary SP (nstring / literal8)` (RFC 3516).
    case binary(part: [UInt32], data: [UInt8]?)
    case binarySize(part: [UInt32], size: UInt32)
    case uid(UInt32)
    case modSeq(UInt64)
    case preview(String?)

    /// The attribute name as on the wire, e.g. `BODY[]`-style sections are reported as `BODY`.
    public var name: String {
        switch self {
        case .flags: return "FLAGS"
        case .envelope: return "ENVELOPE"
        case .internalDate: return "INTERNALDATE"
        case .rfc822Size: return "RFC822.SIZE"
        case .rfc822(let part, _): return part.rawValue
        case .body, .bodySection: return "BODY"
        case .bodyStructure: return "BODYSTRUCTURE"
        case .binary: return "BINARY"
        case .binarySize: return "BINARY.SIZE"
        case .uid: return "UID"
        case .modSeq: return "MODSEQ"
        case .preview: return "PREVIEW"
        }
    }
}
