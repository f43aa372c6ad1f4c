/// `response-data`: the untagged responses (RFC 9051 §7.1–7.5), dispatched on their first word.
extension IMAPGrammarParser {
    // response-data   = "*" SP (resp-cond-state / resp-cond-bye /
    //                   mailbox-data / message-data / capability-data /
    //                   enable-data) CRLF
    // response-fatal  = "*" SP resp-cond-bye CRLF
    mutating func responseData() throws(IMAPGrammarError) -> IMAPUntaggedData {
        try expect(UInt8(ascii: "*"), .responseData)
        try expectSP(.responseData)
        let data: IMAPUntaggedData
        if let byte = current, IMAPCharacterClass.isDigit(byte) {
            data = try messageData()
        } else {
            let start = position
            let name = keywordName()
            switch name {
            case "OK", "NO", "BAD":
                position = start
                data = .condition(try respCondState())
            case "BYE":
                data = .condition(IMAPStatusResponse(status: .bye, text: try conditionText(.responseData)))
            case "PREAUTH":
                throw fail(.responseData, expected: "PREAUTH only as the greeting", at: start)
            case "CAPABILITY":
                position = start
                data = .capability(try capabilityData())
            case "ENABLED":
                // enable-data   = "ENABLED" *(SP capability)
                data = .enabled(try capabilities(.enableData))
            case "VANISHED":
                data = try expungedResponse()
            case "":
                throw fail(.responseData, expected: "a response name or number")
            default:
                data = try mailboxData(name, start: start)
            }
        }
        try endOfLine(.responseData)
        return data
    }

    // mailbox-data    =  "FLAGS" SP flag-list / "LIST" SP mailbox-list /
    //                    esearch-response /
    //                    "STATUS" SP mailbox SP "(" [status-att-list] ")" /
    //                    number SP "EXISTS" / namespace-response /
    //                    obsolete-search-response /
    //                    obsolete-recent-response                       ; RFC 9051
    // mailbox-data    =/ "LSUB" SP mailbox-list /
    //                    "SEARCH" *(SP nz-number)                       ; RFC 3501
    // mailbox-data    =/ "SEARCH" [1*(SP nz-number) SP search-sort-mod-seq]   ; RFC 7162
    private mutating func mailboxData(_ name: String, start: Int) throws(IMAPGrammarError) -> IMAPUntaggedData {
        switch name {
        case "FLAGS":
            try expectSP(.mailboxData)
            return .flags(try flagList())
        case "LIST":
            try expectSP(.mailboxData)
            return .list(try mailboxList())
        case "LSUB":
            if version == .rev2 {
                note(.mailboxData, .warning, "LSUB is not part of IMAP4rev2", at: start)
            }
            try expectSP(.mailboxData)
            return .lsub(try mailboxList())
        case "STATUS":
            return try statusResponse()
        case "SEARCH":
            if version == .rev2 {
                note(.mailboxData, .warning, "SEARCH is obsolete in IMAP4rev2 (ESEARCH replaces it)", at: start)
            }
            return try searchResponse()
        case "ESEARCH":
            return .esearch(try esearchResponse())
        case "NAMESPACE":
            return .namespace(try namespaceResponse())
        case "ID":
            return .id(try idResponse())
        default:
            // Extensions this parser does not model (QUOTA, ACL, METADATA, SORT, THREAD, …):
            // reported, not failed, since a server may legitimately send them once enabled.
            position = start
            let word = try atom(.responseData)
            note(.responseData, .warning, "untagged response \(word) is not covered by this parser", at: start)
            skipToLineEnd()
            return .unrecognised(name: word)
        }
    }

    // message-data    = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))
    // mailbox-data    =/ number SP "EXISTS"
    // obsolete-recent-response = number SP "RECENT"          ; RFC 9051; core in RFC 3501
    private mutating func messageData() throws(IMAPGrammarError) -> IMAPUntaggedData {
        let numberStart = position
        let number = try self.number(.messageData)
        try expectSP(.messageData)
        let nameStart = position
        switch keywordName() {
        case "EXISTS":
            return .exists(number)
        case "RECENT":
            if version == .rev2 {
                note(.mailboxData, .warning, "RECENT is obsolete in IMAP4rev2", at: nameStart)
            }
            return .recent(number)
        case "EXPUNGE":
            try requireNonZero(number, at: numberStart)
            return .expunge(number)
        case "FETCH":
            try requireNonZero(number, at: numberStart)
            try expectSP(.messageData)
            return .fetch(number, try msgAtt())
        default:
            throw fail(.messageData, expected: "\"EXISTS\", \"RECENT\", \"EXPUNGE\" or \"FETCH\"", at: nameStart)
        }
    }

    /// Moves to the CRLF (or bare LF) that ends the frame, skipping whatever precedes it.
    private mutating func skipToLineEnd() {
        position = max(bytes.count - 1, 0)
        if position > 0 && bytes[position - 1] == 0x0D { position -= 1 }
    }

    private mutating func requireNonZero(_ number: UInt32, at offset: Int) throws(IMAPGrammarError) {
        if number == 0 { throw fail(.nzNumber, expected: "a non-zero message number", at: offset) }
    }

    // expunged-resp       =  "VANISHED" [SP "(EARLIER)"] SP known-uids
    // known-uids          =  sequence-set
    //                        ;; Sequence of UIDs, "*" is not allowed.
    private mutating func expungedResponse() throws(IMAPGrammarError) -> IMAPUntaggedData {
        try expectSP(.expungedResp)
        let earlier = consumeKeyword("(EARLIER)")
        if earlier { try expectSP(.expungedResp) }
        return .vanished(earlier: earlier, try uidSet(.expungedResp))
    }
}
