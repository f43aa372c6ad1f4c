/// The mailbox-data rules: LIST/LSUB, STATUS, SEARCH, ESEARCH, NAMESPACE and ID
/// (RFC 9051 §7.3, RFC 5258, RFC 4731, RFC 2342, RFC 2971).
extension IMAPGrammarParser {
    // mailbox-list    = "(" [mbx-list-flags] ")" SP
    //                    (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
    //                    [SP mbox-list-extended]
    // mbx-list-flags  = *(mbx-list-oflag SP) mbx-list-sflag
    //                   *(SP mbx-list-oflag) /
    //                   mbx-list-oflag *(SP mbx-list-oflag)
    mutating func mailboxList() throws(IMAPGrammarError) -> IMAPMailboxListing {
        let attributes = try parenthesized(.mbxListFlags) { (p) throws(IMAPGrammarError) in
            try p.expect(UInt8(ascii: "\\"), .mbxListFlags)
            return "\\" + (try p.atom(.mbxListFlags))
        }
        try expectSP(.mailboxList)
        let delimiter = try delimiterChar(.mailboxList)
        try expectSP(.mailboxList)
        let name = try mailbox()
        var extended: [IMAPTaggedExtension] = []
        if consume(UInt8(ascii: " ")) {
            // mbox-list-extended =  "(" [mbox-list-extended-item
            //                       *(SP mbox-list-extended-item)] ")"
            // mbox-list-extended-item =  mbox-list-extended-item-tag SP tagged-ext-val
            // mbox-list-extended-item-tag =  astring
            extended = try parenthesized(.mboxListExtended) { (p) throws(IMAPGrammarError) in
                let tag = try p.astring(.mboxListExtended)
                try p.expectSP(.mboxListExtended)
                return IMAPTaggedExtension(tag: tag, value: try p.taggedExtVal())
            }
        }
        return IMAPMailboxListing(attributes: attributes, delimiter: delimiter, name: name, extendedItems: extended)
    }

    /// `DQUOTE QUOTED-CHAR DQUOTE / nil`: a hierarchy delimiter.
    private mutating func delimiterChar(_ rule: IMAPGrammarRule) throws(IMAPGrammarError) -> UInt8? {
        if consumeKeyword("NIL") { return nil }
        let start = position
        let quoted = try self.quoted()
        guard quoted.count == 1 else { throw fail(rule, expected: "a one-character hierarchy delimiter", at: start) }
        return quoted[0]
    }

    // mailbox         = "INBOX" / astring
    //                     ; INBOX is case-insensitive.
    mutating func mailbox() throws(IMAPGrammarError) -> String {
        let name = try astring(.mailbox)
        return name.uppercased() == "INBOX" ? "INBOX" : name
    }

    // tagged-ext-val     = tagged-ext-simple /
    //                      "(" [tagged-ext-comp] ")"
    // tagged-ext-simple  = sequence-set / number / number64
    // tagged-ext-comp    = astring /
    //                      tagged-ext-comp *(SP tagged-ext-comp) /
    //                      "(" tagged-ext-comp ")"
    mutating func taggedExtVal() throws(IMAPGrammarError) -> IMAPTaggedExtensionValue {
        if current == UInt8(ascii: "(") { return try taggedExtComp() }
        let range = scan { IMAPCharacterClass.isDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "*") }
        guard !range.isEmpty else { throw fail(.taggedExtVal, expected: "a number, sequence set or parenthesised list") }
        return .word(string(range))
    }

    private mutating func taggedExtComp() throws(IMAPGrammarError) -> IMAPTaggedExtensionValue {
        try nested { (p) throws(IMAPGrammarError) in
            .list(try p.parenthesized(.taggedExtVal) { (p) throws(IMAPGrammarError) in
                p.current == UInt8(ascii: "(") ? try p.taggedExtComp() : .word(try p.astring(.taggedExtVal))
            })
        }
    }

    // "STATUS" SP mailbox SP "(" [status-att-list] ")"
    // status-att-list = status-att-val *(SP status-att-val)
    // status-att-val  = ("MESSAGES" SP number) / ("UIDNEXT" SP nz-number) /
    //                   ("UIDVALIDITY" SP nz-number) / ("UNSEEN" SP number) /
    //                   ("DELETED" SP number) / ("SIZE" SP number64)     ; RFC 9051
    // status-att      = "MESSAGES" / "RECENT" / "UIDNEXT" / "UIDVALIDITY" / "UNSEEN"   ; RFC 3501
    // status-att-val  =/ "HIGHESTMODSEQ" SP mod-sequence-value          ; RFC 7162
    mutating func statusResponse() throws(IMAPGrammarError) -> IMAPUntaggedData {
        try expectSP(.mailboxData)
        let mailbox = try self.mailbox()
        try expectSP(.mailboxData)
        let attributes = try parenthesized(.statusAttList) { (p) throws(IMAPGrammarError) in
            let nameStart = p.position
            let name = p.keywordName()
            guard !name.isEmpty else { throw p.fail(.statusAttList, expected: "a status item name") }
            if name == "RECENT" && p.version == .rev2 {
                p.note(.statusAttList, .warning, "RECENT is not a status item in IMAP4rev2", at: nameStart)
            }
            try p.expectSP(.statusAttList)
            return IMAPStatusAttribute(name: name, value: try p.number64(.statusAttList))
        }
        return .status(mailbox: mailbox, attributes: attributes)
    }

    // obsolete-search-response = "SEARCH" *(SP nz-number)
    // mailbox-data    =/ "SEARCH" [1*(SP nz-number) SP search-sort-mod-seq]   ; RFC 7162
    // search-sort-mod-seq = "(" "MODSEQ" SP mod-sequence-value ")"
    mutating func searchResponse() throws(IMAPGrammarError) -> IMAPUntaggedData {
        var numbers: [UInt32] = []
        while current == UInt8(ascii: " "), let next = byte(at: position + 1), IMAPCharacterClass.isDigit(next) {
            position += 1
            numbers.append(try nzNumber(.mailboxData))
        }
        var modSeq: UInt64?
        if current == UInt8(ascii: " "), byte(at: position + 1) == UInt8(ascii: "(") {
            position += 2
            try keyword("MODSEQ", .searchSortModSeq)
            try expectSP(.searchSortModSeq)
            modSeq = try modSequenceValue()
            try expect(UInt8(ascii: ")"), .searchSortModSeq)
        }
        return .search(numbers, modSeq: modSeq)
    }

    // esearch-response  = "ESEARCH" [search-correlator] [SP "UID"]
    //                     *(SP search-return-data)
    // search-correlator = SP "(" "TAG" SP tag-string ")"
    // search-return-data = "MIN" SP nz-number / "MAX" SP nz-number /
    //                      "ALL" SP sequence-set / "COUNT" SP number /
    //                      search-ret-data-ext
    // search-ret-data-ext = search-modifier-name SP search-return-value
    // search-return-value = tagged-ext-val
    mutating func esearchResponse() throws(IMAPGrammarError) -> IMAPESearchResponse {
        var correlator: String?
        if current == UInt8(ascii: " "), byte(at: position + 1) == UInt8(ascii: "(") {
            position += 2
            try keyword("TAG", .esearchResponse)
            try expectSP(.esearchResponse)
            correlator = try astring(.esearchResponse)
            try expect(UInt8(ascii: ")"), .esearchResponse)
        }
        var isUID = false
        var data: [IMAPTaggedExtension] = []
        while consume(UInt8(ascii: " ")) {
            let nameStart = position
            let name = try atom(.esearchResponse).uppercased()
            if name == "UID" && data.isEmpty && !isUID {
                isUID = true
                continue
            }
            try expectSP(.esearchResponse)
            let valueStart = position
            let value = try taggedExtVal()
            try checkSearchReturn(name, value, nameStart: nameStart, valueStart: valueStart)
            data.append(IMAPTaggedExtension(tag: name, value: value))
        }
        return IMAPESearchResponse(correlator: correlator, isUID: isUID, returnData: data)
    }

    /// Re-reads the value of a standard return item against its own rule.
    private mutating func checkSearchReturn(_ name: String, _ value: IMAPTaggedExtensionValue, nameStart: Int, valueStart: Int) throws(IMAPGrammarError) {
        let end = position
        position = valueStart
        defer { position = end }
        switch name {
        case "MIN", "MAX": _ = try nzNumber(.esearchResponse)
        case "COUNT": _ = try number(.esearchResponse)
        case "ALL": _ = try sequenceSet(.esearchResponse)
        case "MODSEQ": _ = try modSequenceValue()
        default: return
        }
        if position != end { throw fail(.esearchResponse, expected: "a single value for \(name)", at: position) }
    }

    // namespace-response = "NAMESPACE" SP namespace
    //                       SP namespace SP namespace
    // namespace         = nil / "(" 1*namespace-descr ")"
    // namespace-descr   = "(" string SP
    //                        (DQUOTE QUOTED-CHAR DQUOTE / nil)
    //                         [namespace-response-extensions] ")"
    // namespace-response-extensions = *namespace-response-extension
    // namespace-response-extension = SP string SP
    //                   "(" string *(SP string) ")"
    mutating func namespaceResponse() throws(IMAPGrammarError) -> IMAPNamespaceResponse {
        try expectSP(.namespaceResponse)
        let personal = try namespace()
        try expectSP(.namespaceResponse)
        let other = try namespace()
        try expectSP(.namespaceResponse)
        return IMAPNamespaceResponse(personal: personal, otherUsers: other, shared: try namespace())
    }

    private mutating func namespace() throws(IMAPGrammarError) -> [IMAPNamespaceDescription] {
        if consumeKeyword("NIL") { return [] }
        return try parenthesized(.namespaceResponse, minimumCount: 1, separator: false) { (p) throws(IMAPGrammarError) in
            try p.expect(UInt8(ascii: "("), .namespaceResponse)
            let prefix = try p.text(of: .namespaceResponse)
            try p.expectSP(.namespaceResponse)
            let delimiter = try p.delimiterChar(.namespaceResponse)
            var extensions: [IMAPTaggedExtension] = []
            while p.consume(UInt8(ascii: " ")) {
                let name = try p.text(of: .namespaceResponse)
                try p.expectSP(.namespaceResponse)
                let values = try p.parenthesized(.namespaceResponse, minimumCount: 1) { (p) throws(IMAPGrammarError) in
                    IMAPTaggedExtensionValue.word(try p.text(of: .namespaceResponse))
                }
                extensions.append(IMAPTaggedExtension(tag: name, value: .list(values)))
            }
            try p.expect(UInt8(ascii: ")"), .namespaceResponse)
            return IMAPNamespaceDescription(prefix: prefix, delimiter: delimiter, extensions: extensions)
        }
    }

    // id_response ::= "ID" SPACE id_params_list
    // id_params_list ::= "(" #(string SPACE nstring) ")" / nil
    mutating func idResponse() throws(IMAPGrammarError) -> [IMAPIDParameter]? {
        try expectSP(.idResponse)
        if consumeKeyword("NIL") { return nil }
        return try parenthesized(.idResponse) { (p) throws(IMAPGrammarError) in
            let key = try p.text(of: .idResponse)
            try p.expectSP(.idResponse)
            return IMAPIDParameter(key: key, value: try p.ntext(of: .idResponse))
        }
    }
}
