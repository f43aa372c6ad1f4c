/// The lexical rules of RFC 9051 §9 / RFC 3501 §9: numbers, atoms and the three string forms.
extension IMAPGrammarParser {
    // number          = 1*DIGIT
    //                     ; Unsigned 32-bit integer
    //                     ; (0 <= n < 4,294,967,296)
    mutating func number(_ rule: IMAPGrammarRule = .number) throws(IMAPGrammarError) -> UInt32 {
        UInt32(try digits(rule, limit: .number, UInt64(UInt32.max)))
    }

    // nz-number       = digit-nz *DIGIT
    //                     ; Non-zero unsigned 32-bit integer
    //                     ; (0 < n < 4,294,967,296)
    mutating func nzNumber(_ rule: IMAPGrammarRule = .nzNumber) throws(IMAPGrammarError) -> UInt32 {
        guard current != UInt8(ascii: "0") else { throw fail(rule, expected: "a non-zero number") }
        return try number(rule)
    }

    // number64        = 1*DIGIT
    //                     ; Unsigned 63-bit integer
    //                     ; (0 <= n <= 9,223,372,036,854,775,807)
    mutating func number64(_ rule: IMAPGrammarRule = .number64) throws(IMAPGrammarError) -> UInt64 {
        try digits(rule, limit: .number64, UInt64(Int64.max))
    }

    /// 1*DIGIT no larger than `maximum`. A missing number fails `rule` (the caller's context);
    /// an oversized one fails the lexical rule that sets the bound.
    private mutating func digits(_ rule: IMAPGrammarRule, limit: IMAPGrammarRule, _ maximum: UInt64) throws(IMAPGrammarError) -> UInt64 {
        let start = position
        var value: UInt64 = 0
        while let byte = current, IMAPCharacterClass.isDigit(byte) {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !o1, !o2, sum <= maximum else { throw fail(limit, expected: "a number no larger than \(maximum)", at: start) }
            value = sum
            position += 1
        }
        guard position > start else { throw fail(rule, expected: "a number") }
        return value
    }

    // atom            = 1*ATOM-CHAR
    mutating func atom(_ rule: IMAPGrammarRule = .atom) throws(IMAPGrammarError) -> String {
        let range = scan(while: IMAPCharacterClass.isAtomChar)
        guard !range.isEmpty else { throw fail(rule, expected: "an atom") }
        return string(range)
    }

    // astring         = 1*ASTRING-CHAR / string
    mutating func astring(_ rule: IMAPGrammarRule = .astring) throws(IMAPGrammarError) -> String {
        if current == UInt8(ascii: "\"") || current == UInt8(ascii: "{") {
            return String(decoding: try self.string(rule), as: UTF8.self)
        }
        let range = scan(while: IMAPCharacterClass.isAstringChar)
        guard !range.isEmpty else { throw fail(rule, expected: "an atom or string") }
        return string(range)
    }

    // string          = quoted / literal
    mutating func string(_ rule: IMAPGrammarRule = .string) throws(IMAPGrammarError) -> [UInt8] {
        switch current {
        case UInt8(ascii: "\""): return try quoted()
        case UInt8(ascii: "{"): return try literal()
        default: throw fail(rule, expected: "a quoted string or literal")
        }
    }

    /// `string`, decoded as UTF-8 text.
    mutating func text(of rule: IMAPGrammarRule) throws(IMAPGrammarError) -> String {
        String(decoding: try string(rule), as: UTF8.self)
    }

    // nstring         = string / nil
    mutating func nstring(_ rule: IMAPGrammarRule = .nstring) throws(IMAPGrammarError) -> [UInt8]? {
        if consumeKeyword("NIL") { return nil }
        return try string(rule)
    }

    /// `nstring`, decoded as UTF-8 text.
    mutating func ntext(of rule: IMAPGrammarRule) throws(IMAPGrammarError) -> String? {
        try nstring(rule).map { String(decoding: $0, as: UTF8.self) }
    }

    // quoted          = DQUOTE *QUOTED-CHAR DQUOTE
    // QUOTED-CHAR     = <any TEXT-CHAR except quoted-specials> /
    //                   "\" quoted-specials / UTF8-2 / UTF8-3 / UTF8-4   ; UTF-8 forms: RFC 9051 only
    // quoted-specials = DQUOTE / "\"
    mutating func quoted() throws(IMAPGrammarError) -> [UInt8] {
        try expect(UInt8(ascii: "\""), .quoted)
        let start = position
        var unescaped: [UInt8]?
        var warned = false
        while true {
            let plain = scan { $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
            unescaped?.append(contentsOf: bytes[plain])
            guard let octet = current else { throw fail(.quoted, expected: "closing DQUOTE") }
            switch octet {
            case UInt8(ascii: "\""):
                position += 1
                return unescaped ?? Array(bytes[start..<(position - 1)])
            case UInt8(ascii: "\\"):
                guard let next = byte(at: position + 1), next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") else {
                    throw fail(.quotedChar, expected: "DQUOTE or \"\\\\\" after \"\\\\\"", at: position + 1)
                }
                if unescaped == nil { unescaped = Array(bytes[start..<position]) }
                unescaped?.append(next)
                position += 2
            case 0x00, 0x0D, 0x0A:
                throw fail(.quotedChar, expected: "TEXT-CHAR or closing DQUOTE")
            default:
                if octet >= 0x80 && version == .rev1 && !warned {
                    // Leniency: 8-bit octets in quoted strings predate RFC 9051 and are common.
                    note(.quotedChar, .warning, "8-bit octet in a quoted string (IMAP4rev1 allows only 7-bit)")
                    warned = true
                }
                unescaped?.append(octet)
                position += 1
            }
        }
    }

    // literal         = "{" number64 ["+"] "}" CRLF *CHAR8
    //                     ; <number64> represents the number of CHAR8s.
    //                     ; A non-synchronizing literal is distinguished
    //                     ; from a synchronizing literal by the presence of
    //                     ; "+" before the closing "}".
    //                     ; Non-synchronizing literals are not allowed when
    //                     ; sent from server to the client.
    // CHAR8           = %x01-ff
    //                     ; any OCTET except NUL, %x00
    mutating func literal() throws(IMAPGrammarError) -> [UInt8] {
        try expect(UInt8(ascii: "{"), .literal)
        let count = version == .rev1 ? UInt64(try number(.literal)) : try number64(.literal)
        return try literalData(.literal, count: count, allowsNUL: false)
    }

    // literal8        = "~{" number64 "}" CRLF *OCTET
    //                     ; <number64> represents the number of OCTETs
    //                     ; in the response string.
    mutating func literal8() throws(IMAPGrammarError) -> [UInt8] {
        try expect(UInt8(ascii: "~"), .literal8)
        try expect(UInt8(ascii: "{"), .literal8)
        return try literalData(.literal8, count: try number64(.literal8), allowsNUL: true)
    }

    /// The part of `literal` / `literal8` after the octet count.
    private mutating func literalData(_ rule: IMAPGrammarRule, count: UInt64, allowsNUL: Bool) throws(IMAPGrammarError) -> [UInt8] {
        if current == UInt8(ascii: "+") {
            note(rule, .violation, "non-synchronizing literal sent by the server")
            position += 1
        }
        try expect(UInt8(ascii: "}"), rule)
        _ = consume(0x0D)
        try expect(0x0A, rule)
        guard count <= UInt64(bytes.count - position) else {
            throw fail(rule, expected: "\(count) literal octets", at: bytes.count)
        }
        let data = Array(bytes[position..<(position + Int(count))])
        if !allowsNUL, let nul = ZeroByteScan.firstZero(in: data) {
            note(rule, .violation, "NUL octet inside a literal (only literal8 may carry NUL)", at: position + nul)
        }
        position += Int(count)
        return data
    }

    // text            = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)   ; RFC 9051
    // text            = 1*TEXT-CHAR                                ; RFC 3501
    // TEXT-CHAR       = <any CHAR except CR and LF>
    /// Possibly empty: callers decide whether emptiness is allowed.
    mutating func textRun() -> String {
        let start = position
        var warned = false
        while let byte = current, IMAPCharacterClass.isTextChar(byte) || byte >= 0x80 {
            if byte >= 0x80 && version == .rev1 && !warned {
                // Leniency: localised 8-bit text is common; IMAP4rev1 allows only 7-bit TEXT-CHAR.
                note(.textChar, .warning, "8-bit octet in text (IMAP4rev1 allows only 7-bit)")
                warned = true
            }
            position += 1
        }
        return string(start..<position)
    }
}
