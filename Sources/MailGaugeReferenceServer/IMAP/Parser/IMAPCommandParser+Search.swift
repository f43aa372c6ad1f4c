/// SEARCH (RFC 9051 §6.4.4) with ESEARCH return options (RFC 4731, core in RFC 9051).
extension IMAPCommandParser {
    /// `search = "SEARCH" [search-return-opts] SP search-program`
    mutating func searchArguments(uid: Bool) throws -> IMAPCommand {
        try space()
        var returnOptions: [String]?
        if takeKeyword("RETURN") {
            try space()
            returnOptions = try parenthesized(allowEmpty: true) { try $0.atom().uppercased() }
            try space()
        }
        if takeKeyword("CHARSET") {
            try space()
            let charset = try astring().uppercased()
            guard charset == "US-ASCII" || charset == "UTF-8" else { throw IMAPSyntaxError("[BADCHARSET (US-ASCII UTF-8)] unsupported charset") }
            try space()
        }
        var keys = [try searchKey()]
        while take(" ") { keys.append(try searchKey()) }
        return .search(uid: uid, returnOptions: returnOptions, key: keys.count == 1 ? keys[0] : .and(keys))
    }

    /// `search-key` (RFC 9051 §9).
    private mutating func searchKey() throws -> SearchKey {
        if peek() == UInt8(ascii: "(") {
            return .and(try parenthesized { try $0.searchKey() })
        }
        if let byte = peek(), byte == UInt8(ascii: "*") || (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte) {
            return .sequence(try sequenceSet())
        }
        let name = try atom().uppercased()
        switch name {
        case "ALL": return .all
        case "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "SEEN":
            return .flag("\\" + name.prefix(1) + name.dropFirst().lowercased(), present: true)
        case "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN":
            let flag = name.dropFirst(2)
            return .flag("\\" + flag.prefix(1) + flag.dropFirst().lowercased(), present: false)
        case "NEW": return .new
        case "OLD": return .old
        case "RECENT": return .recent
        case "KEYWORD", "UNKEYWORD":
            try space()
            return .flag(try atom(), present: name == "KEYWORD")
        case "FROM", "TO", "CC", "BCC", "SUBJECT":
            try space()
            return .header(field: name, value: try astring())
        case "HEADER":
            try space()
            let field = try astring()
            try space()
            return .header(field: field, value: try astring())
        case "BODY", "TEXT":
            try space()
            let value = try astring()
            return name == "BODY" ? .body(value) : .text(value)
        case "BEFORE", "ON", "SINCE", "SENTBEFORE", "SENTON", "SENTSINCE":
            try space()
            let text = peek() == UInt8(ascii: "\"") ? String(decoding: try quoted(), as: UTF8.self) : try atom()
            guard let date = CivilDate(imapDate: text[...]) else { throw IMAPSyntaxError("invalid date '\(text)'") }
            switch name {
            case "BEFORE": return .before(date)
            case "ON": return .on(date)
            case "SINCE": return .since(date)
            case "SENTBEFORE": return .sentBefore(date)
            case "SENTON": return .sentOn(date)
            default: return .sentSince(date)
            }
        case "LARGER", "SMALLER":
            try space()
            let size = Int(try number64())
            return name == "LARGER" ? .larger(size) : .smaller(size)
        case "UID":
            try space()
            return .uid(try sequenceSet())
        case "MODSEQ":
            try space()
            if peek() == UInt8(ascii: "\"") {  // optional entry-name and entry-type-req (RFC 7162 §3.1.5)
                _ = try quoted()
                try space()
                _ = try atom()
                try space()
            }
            return .modSeq(try number64())
        case "NOT":
            try space()
            return .not(try searchKey())
        case "OR":
            try space()
            let first = try searchKey()
            try space()
            return .or(first, try searchKey())
        default:
            throw IMAPSyntaxError("unknown search key \(name)")
        }
    }
}
