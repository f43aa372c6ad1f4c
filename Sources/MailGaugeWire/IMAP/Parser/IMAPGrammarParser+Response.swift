/// The response-level rules (RFC 9051 §7 and §9): greeting, tagged and untagged responses,
/// continuation requests and status conditions.
extension IMAPGrammarParser {
    // greeting        = "*" SP (resp-cond-auth / resp-cond-bye) CRLF
    // resp-cond-auth  = ("OK" / "PREAUTH") SP resp-text
    // resp-cond-bye   = "BYE" SP resp-text
    mutating func greeting() throws(IMAPGrammarError) -> IMAPResponse {
        try expect(UInt8(ascii: "*"), .greeting)
        try expectSP(.greeting)
        let start = position
        let status: IMAPStatus
        switch keywordName() {
        case "OK": status = .ok
        case "PREAUTH": status = .preauth
        case "BYE": status = .bye
        default: throw fail(.greeting, expected: "\"OK\", \"PREAUTH\" or \"BYE\"", at: start)
        }
        let text = try conditionText(.respCondAuth)
        try endOfLine(.greeting)
        return .greeting(IMAPStatusResponse(status: status, text: text))
    }

    // response        = *(continue-req / response-data) response-done
    // response-done   = response-tagged / response-fatal
    /// One line of `response`: whichever of its parts the first byte selects.
    mutating func response() throws(IMAPGrammarError) -> IMAPResponse {
        switch current {
        case UInt8(ascii: "+"): return try continueRequest()
        case UInt8(ascii: "*"): return .untagged(try responseData())
        default: return try responseTagged()
        }
    }

    // response-tagged = tag SP resp-cond-state CRLF
    // tag             = 1*<any ASTRING-CHAR except "+">
    mutating func responseTagged() throws(IMAPGrammarError) -> IMAPResponse {
        let range = scan(while: IMAPCharacterClass.isTagChar)
        guard !range.isEmpty else { throw fail(.tag, expected: "a tag, \"*\" or \"+\"") }
        let tag = string(range)
        try expectSP(.responseTagged)
        let status = try respCondState()
        try endOfLine(.responseTagged)
        return .tagged(tag: tag, status)
    }

    // resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text
    //                     ; Status condition
    mutating func respCondState() throws(IMAPGrammarError) -> IMAPStatusResponse {
        let start = position
        let status: IMAPStatus
        switch keywordName() {
        case "OK": status = .ok
        case "NO": status = .no
        case "BAD": status = .bad
        default: throw fail(.respCondState, expected: "\"OK\", \"NO\" or \"BAD\"", at: start)
        }
        return IMAPStatusResponse(status: status, text: try conditionText(.respCondState))
    }

    /// `SP resp-text` after a condition word.
    mutating func conditionText(_ rule: IMAPGrammarRule) throws(IMAPGrammarError) -> IMAPResponseText {
        if current == 0x0D || current == 0x0A {
            // Leniency: "A1 OK" with neither SP nor text is common; the grammar needs SP resp-text.
            note(rule, .warning, "no SP and text after the condition")
            return IMAPResponseText(text: "")
        }
        try expectSP(rule)
        return try respText()
    }

    // resp-text       = ["[" resp-text-code "]" SP] text       ; RFC 3501
    // resp-text       = ["[" resp-text-code "]" SP] [text]     ; RFC 9051
    mutating func respText() throws(IMAPGrammarError) -> IMAPResponseText {
        var code: IMAPResponseCode?
        // A leading "[" commits to a response code: text starting with "[" would otherwise hide
        // a malformed code from every client that looks for one.
        if current == UInt8(ascii: "[") {
            code = try bracketedCode()
            if !consume(UInt8(ascii: " ")) {
                // Leniency: "[CODE]text" and "[CODE]" at line end both occur in the wild.
                note(.respText, .warning, "no SP after the response code")
            }
        }
        let textStart = position
        let text = textRun()
        if text.isEmpty && version == .rev1 {
            // Leniency: RFC 3501 requires 1*TEXT-CHAR; servers often send none after a code.
            note(.text, .warning, "empty text (IMAP4rev1 requires at least one character)", at: textStart)
        }
        return IMAPResponseText(code: code, text: text)
    }

    /// `"[" resp-text-code "]"`.
    private mutating func bracketedCode() throws(IMAPGrammarError) -> IMAPResponseCode {
        try expect(UInt8(ascii: "["), .respText)
        let code = try respTextCode()
        try expect(UInt8(ascii: "]"), .respTextCode)
        return code
    }

    // continue-req    = "+" SP (resp-text / base64) CRLF
    mutating func continueRequest() throws(IMAPGrammarError) -> IMAPResponse {
        try expect(UInt8(ascii: "+"), .continueReq)
        if current == 0x0D || current == 0x0A {
            // Leniency: a bare "+" line is common; the grammar needs SP.
            note(.continueReq, .warning, "no SP after \"+\"")
            try endOfLine(.continueReq)
            return .continuation(.text(IMAPResponseText(text: "")))
        }
        try expectSP(.continueReq)
        return .continuation(try oneOf(
            { (p) throws(IMAPGrammarError) in .base64(try p.base64Line()) },
            { (p) throws(IMAPGrammarError) in
                let text = try p.respText()
                try p.endOfLine(.continueReq)
                return .text(text)
            }))
    }

    // base64          = *(4base64-char) [base64-terminal]
    // base64-char     = ALPHA / DIGIT / "+" / "/"
    //                     ; Case-sensitive
    // base64-terminal = (2base64-char "==") / (3base64-char "=")
    /// A whole line of base64 up to CRLF. Chosen over resp-text only when the entire line is
    /// well-formed base64, since words like "idling" are ambiguous and read as text.
    private mutating func base64Line() throws(IMAPGrammarError) -> String {
        let range = scan(while: IMAPCharacterClass.isBase64Char)
        let padding = scan { $0 == UInt8(ascii: "=") }
        guard (range.count + padding.count) % 4 == 0, padding.count <= 2,
              range.count > 0 || padding.isEmpty else {
            throw fail(.base64, expected: "base64 in groups of four")
        }
        try endOfLine(.continueReq)
        return string(range.lowerBound..<padding.upperBound)
    }
}
