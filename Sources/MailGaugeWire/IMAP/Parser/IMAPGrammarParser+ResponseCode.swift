/// `resp-text-code` (RFC 9051 §7.1) with the codes of UIDPLUS (RFC 4315), CONDSTORE/QRESYNC
/// (RFC 7162) and RFC 5530, plus the capability and flag rules the codes reuse.
extension IMAPGrammarParser {
    // resp-text-code  = "ALERT" /
    //                   "BADCHARSET" [SP "(" charset *(SP charset) ")" ] /
    //                   capability-data / "PARSE" /
    //                   "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" /
    //                   "READ-ONLY" / "READ-WRITE" / "TRYCREATE" /
    //                   "UIDNEXT" SP nz-number / "UIDVALIDITY" SP nz-number /
    //                   "UNSEEN" SP nz-number /                  ; RFC 3501 only
    //                   resp-code-apnd / resp-code-copy / "UIDNOTSTICKY" /
    //                   "UNAVAILABLE" / "AUTHENTICATIONFAILED" /
    //                   "AUTHORIZATIONFAILED" / "EXPIRED" /
    //                   "PRIVACYREQUIRED" / "CONTACTADMIN" / "NOPERM" /
    //                   "INUSE" / "EXPUNGEISSUED" / "CORRUPTION" /
    //                   "SERVERBUG" / "CLIENTBUG" / "CANNOT" /
    //                   "LIMIT" / "OVERQUOTA" / "ALREADYEXISTS" /
    //                   "NONEXISTENT" / "NOTSAVED" / "HASCHILDREN" /
    //                   "CLOSED" / "UNKNOWN-CTE" /
    //                   atom [SP 1*<any TEXT-CHAR except "]">]
    // resp-text-code  =/ "HIGHESTMODSEQ" SP mod-sequence-value /
    //                    "NOMODSEQ" / "MODIFIED" SP sequence-set   ; RFC 7162
    /// A known code name commits to that code's syntax: `[UIDNEXT x]` is reported against
    /// nz-number rather than quietly accepted as the generic `atom [SP text]` form.
    mutating func respTextCode() throws(IMAPGrammarError) -> IMAPResponseCode {
        let nameStart = position
        let name = try atom(.respTextCode).uppercased()
        switch name {
        case "ALERT" where current != UInt8(ascii: " "): return .alert
        case "PARSE" where current != UInt8(ascii: " "): return .parse
        case "READ-ONLY" where current != UInt8(ascii: " "): return .readOnly
        case "READ-WRITE" where current != UInt8(ascii: " "): return .readWrite
        case "TRYCREATE" where current != UInt8(ascii: " "): return .tryCreate
        case "BADCHARSET":
            guard consume(UInt8(ascii: " ")) else { return .badCharset([]) }
            return .badCharset(try parenthesized(.respTextCode) { (p) throws(IMAPGrammarError) in try p.astring() })
        case "CAPABILITY":
            position = nameStart
            return .capability(try capabilityData())
        case "PERMANENTFLAGS":
            try expectSP(.respTextCode)
            return .permanentFlags(try parenthesized(.respTextCode) { (p) throws(IMAPGrammarError) in
                try p.flag(.flagPerm, allowsWildcard: true)
            })
        case "UIDNEXT": return .uidNext(try spaceThen { (p) throws(IMAPGrammarError) in try p.nzNumber() })
        case "UIDVALIDITY": return .uidValidity(try spaceThen { (p) throws(IMAPGrammarError) in try p.nzNumber() })
        case "UNSEEN": return .unseen(try spaceThen { (p) throws(IMAPGrammarError) in try p.nzNumber() })
        case "APPENDUID":
            // resp-code-apnd  = "APPENDUID" SP nz-number SP append-uid
            // append-uid      = uniqueid    ; uid-set with MULTIAPPEND (RFC 3502)
            let validity = try spaceThen { (p) throws(IMAPGrammarError) in try p.nzNumber(.respCodeApnd) }
            return .appendUID(uidValidity: validity, uids: try spaceThen { (p) throws(IMAPGrammarError) in try p.uidSet(.respCodeApnd) })
        case "COPYUID":
            // resp-code-copy  = "COPYUID" SP nz-number SP uid-set SP uid-set
            let validity = try spaceThen { (p) throws(IMAPGrammarError) in try p.nzNumber(.respCodeCopy) }
            let source = try spaceThen { (p) throws(IMAPGrammarError) in try p.uidSet(.respCodeCopy) }
            let destination = try spaceThen { (p) throws(IMAPGrammarError) in try p.uidSet(.respCodeCopy) }
            return .copyUID(uidValidity: validity, source: source, destination: destination)
        case "HIGHESTMODSEQ":
            return .highestModSeq(try spaceThen { (p) throws(IMAPGrammarError) in try p.modSequenceValue() })
        case "MODIFIED":
            return .modified(try spaceThen { (p) throws(IMAPGrammarError) in try p.sequenceSet() })
        default:
            if current != UInt8(ascii: " "), let condition = IMAPConditionCode(rawValue: name) {
                return .condition(condition)
            }
            return .other(name: name, text: genericCodeText())
        }
    }

    /// `SP` followed by `body`, for the many codes of that shape.
    private mutating func spaceThen<T>(_ body: Rule<T>) throws(IMAPGrammarError) -> T {
        try expectSP(.respTextCode)
        return try body(&self)
    }

    /// `[SP 1*<any TEXT-CHAR except "]">]` of the generic code form.
    private mutating func genericCodeText() -> String? {
        guard consume(UInt8(ascii: " ")) else { return nil }
        let range = scan { $0 != UInt8(ascii: "]") && $0 != 0x0D && $0 != 0x0A && $0 != 0 }
        return string(range)
    }

    // capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev1" *(SP capability)   ; RFC 3501
    // capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev2" *(SP capability)   ; RFC 9051
    // capability      = ("AUTH=" auth-type) / atom
    mutating func capabilityData() throws(IMAPGrammarError) -> [String] {
        try keyword("CAPABILITY", .capabilityData)
        let start = position
        let capabilities = try capabilities(.capabilityData)
        let required = version == .rev1 ? "IMAP4rev1" : "IMAP4rev2"
        if !capabilities.contains(where: { $0.uppercased() == required.uppercased() }) {
            note(.capabilityData, .violation, "capability list lacks \(required)", at: start)
        }
        return capabilities
    }

    /// `*(SP capability)`. A SP right before the line end is left for `endOfLine` to judge.
    mutating func capabilities(_ rule: IMAPGrammarRule) throws(IMAPGrammarError) -> [String] {
        var atoms: [String] = []
        while current == UInt8(ascii: " "), let next = byte(at: position + 1), next != 0x0D, next != 0x0A {
            position += 1
            atoms.append(try atom(rule))
        }
        return atoms
    }

    // flag            = "\Answered" / "\Flagged" / "\Deleted" /
    //                   "\Seen" / "\Draft" / flag-keyword / flag-extension
    // flag-keyword    = "$MDNSent" / "$Forwarded" / "$Junk" / "$NotJunk" / "$Phishing" / atom
    // flag-extension  = "\" atom
    // flag-perm       = flag / "\*"
    // flag-fetch      = flag / "\Recent"            ; obsolete-flag-recent in RFC 9051
    /// A flag; `\*` too when `allowsWildcard` (flag-perm). `\Recent` parses as a flag-extension;
    /// FETCH judges it, since only flag-fetch allows it.
    mutating func flag(_ rule: IMAPGrammarRule = .flag, allowsWildcard: Bool = false) throws(IMAPGrammarError) -> String {
        guard consume(UInt8(ascii: "\\")) else { return try atom(rule) }
        if allowsWildcard && consume(UInt8(ascii: "*")) { return "\\*" }
        return "\\" + (try atom(rule))
    }

    // flag-list       = "(" [flag *(SP flag)] ")"
    mutating func flagList() throws(IMAPGrammarError) -> [String] {
        try parenthesized(.flagList) { (p) throws(IMAPGrammarError) in try p.flag() }
    }
}
