/// `msg-att`: the items of a FETCH response (RFC 9051 §7.5.2, RFC 3501 §7.4.2, RFC 3516,
/// RFC 7162, RFC 8970).
extension IMAPGrammarParser {
    // msg-att         = "(" (msg-att-dynamic / msg-att-static)
    //                    *(SP (msg-att-dynamic / msg-att-static)) ")"
    // msg-att-dynamic = "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"
    //                     ; MAY change for a message
    // msg-att-static  = "ENVELOPE" SP envelope /
    //                   "INTERNALDATE" SP date-time /
    //                   "RFC822.SIZE" SP number64 /
    //                   "BODY" ["STRUCTURE"] SP body /
    //                   "BODY" section ["<" number ">"] SP nstring /
    //                   "BINARY" section-binary SP (nstring / literal8) /
    //                   "BINARY.SIZE" section-binary SP number /
    //                   "UID" SP uniqueid
    //                     ; MUST NOT change for a message
    // msg-att-static  =/ "RFC822" ["." ("HEADER" / "TEXT")] SP nstring   ; RFC 3501 only
    // msg-att-dynamic =/ fetch-mod-resp                                    ; RFC 7162
    // msg-att-static  =/ "PREVIEW" SP nstring                              ; RFC 8970
    mutating func msgAtt() throws(IMAPGrammarError) -> [IMAPMessageAttribute] {
        try parenthesized(.msgAtt, minimumCount: 1) { (p) throws(IMAPGrammarError) in try p.msgAttItem() }
    }

    private mutating func msgAttItem() throws(IMAPGrammarError) -> IMAPMessageAttribute {
        let start = position
        let name = keywordName()
        switch name {
        case "FLAGS":
            try expectSP(.msgAtt)
            return .flags(try parenthesized(.msgAtt) { (p) throws(IMAPGrammarError) in try p.flagFetch() })
        case "ENVELOPE":
            try expectSP(.msgAtt)
            return .envelope(try envelope())
        case "INTERNALDATE":
            try expectSP(.msgAtt)
            return .internalDate(try dateTime())
        case "RFC822.SIZE":
            try expectSP(.msgAtt)
            return .rfc822Size(version == .rev1 ? UInt64(try number(.msgAtt)) : try number64(.msgAtt))
        case "RFC822", "RFC822.HEADER", "RFC822.TEXT":
            if version == .rev2 {
                note(.msgAtt, .warning, "\(name) is not a fetch item of IMAP4rev2", at: start)
            }
            try expectSP(.msgAtt)
            return .rfc822(IMAPRFC822Part(rawValue: name) ?? .message, try nstring(.msgAtt))
        case "BODY" where current == UInt8(ascii: "["):
            let section = try self.section()
            var origin: UInt32?
            if consume(UInt8(ascii: "<")) {
                origin = try number(.msgAtt)
                try expect(UInt8(ascii: ">"), .msgAtt)
            }
            try expectSP(.msgAtt)
            return .bodySection(section, origin: origin, data: try nstring(.msgAtt))
        case "BODY":
            try expectSP(.msgAtt)
            return .body(try body())
        case "BODYSTRUCTURE":
            try expectSP(.msgAtt)
            return .bodyStructure(try body())
        case "BINARY":
            let part = try sectionBinary()
            try expectSP(.msgAtt)
            let data = current == UInt8(ascii: "~") ? try literal8() : try nstring(.msgAtt)
            return .binary(part: part, data: data)
        case "BINARY.SIZE":
            let part = try sectionBinary()
            try expectSP(.msgAtt)
            return .binarySize(part: part, size: try number(.msgAtt))
        case "UID":
            try expectSP(.msgAtt)
            return .uid(try nzNumber(.msgAtt))
        case "MODSEQ":
            // fetch-mod-resp      = "MODSEQ" SP "(" permsg-modsequence ")"
            // permsg-modsequence  = mod-sequence-value
            try expectSP(.fetchModResp)
            try expect(UInt8(ascii: "("), .fetchModResp)
            let value = try modSequenceValue()
            try expect(UInt8(ascii: ")"), .fetchModResp)
            return .modSeq(value)
        case "PREVIEW":
            try expectSP(.preview)
            return .preview(try ntext(of: .preview))
        default:
            throw fail(.msgAtt, expected: "a fetch data item name", at: start)
        }
    }

    // flag-fetch      = flag / obsolete-flag-recent      ; RFC 9051
    // obsolete-flag-recent = "\Recent"
    private mutating func flagFetch() throws(IMAPGrammarError) -> String {
        let start = position
        let flag = try self.flag(.flagFetch)
        if version == .rev2 && flag.uppercased() == "\\RECENT" {
            note(.flagFetch, .warning, "\\Recent is obsolete in IMAP4rev2", at: start)
        }
        return flag
    }

    // section         = "[" [section-spec] "]"
    // section-spec    = section-msgtext / (section-part ["." section-text])
    // section-msgtext = "HEADER" /
    //                   "HEADER.FIELDS" [".NOT"] SP header-list /
    //                   "TEXT"
    // section-part    = nz-number *("." nz-number)
    // section-text    = section-msgtext / "MIME"
    mutating func section() throws(IMAPGrammarError) -> IMAPSection {
        try expect(UInt8(ascii: "["), .section)
        var section = IMAPSection()
        if let byte = current, IMAPCharacterClass.isDigit(byte) {
            section.part = try sectionPart()
            if consume(UInt8(ascii: ".")) {
                section.text = try sectionText(allowsMIME: true)
            }
        } else if current != UInt8(ascii: "]") {
            section.text = try sectionText(allowsMIME: false)
        }
        try expect(UInt8(ascii: "]"), .section)
        return section
    }

    private mutating func sectionPart() throws(IMAPGrammarError) -> [UInt32] {
        var part = [try nzNumber(.sectionPart)]
        while current == UInt8(ascii: "."), let next = byte(at: position + 1), IMAPCharacterClass.isDigit(next) {
            position += 1
            part.append(try nzNumber(.sectionPart))
        }
        return part
    }

    private mutating func sectionText(allowsMIME: Bool) throws(IMAPGrammarError) -> IMAPSectionText {
        let start = position
        switch keywordName() {
        case "HEADER": return .header
        case "TEXT": return .text
        case "MIME" where allowsMIME: return .mime
        case "HEADER.FIELDS": return .headerFields(try headerList())
        case "HEADER.FIELDS.NOT": return .headerFieldsNot(try headerList())
        default:
            throw fail(.section, expected: allowsMIME ? "HEADER, HEADER.FIELDS, TEXT or MIME" : "HEADER, HEADER.FIELDS or TEXT", at: start)
        }
    }

    // header-list     = "(" header-fld-name *(SP header-fld-name) ")"
    // header-fld-name = astring
    private mutating func headerList() throws(IMAPGrammarError) -> [String] {
        try expectSP(.headerList)
        return try parenthesized(.headerList, minimumCount: 1) { (p) throws(IMAPGrammarError) in try p.astring(.headerList) }
    }

    // section-binary  = "[" [section-part] "]"
    private mutating func sectionBinary() throws(IMAPGrammarError) -> [UInt32] {
        try expect(UInt8(ascii: "["), .sectionBinary)
        var part: [UInt32] = []
        if current != UInt8(ascii: "]") {
            guard let byte = current, IMAPCharacterClass.isDigit(byte) else {
                throw fail(.sectionBinary, expected: "a part number or \"]\"")
            }
            part = try sectionPart()
        }
        try expect(UInt8(ascii: "]"), .sectionBinary)
        return part
    }
}
