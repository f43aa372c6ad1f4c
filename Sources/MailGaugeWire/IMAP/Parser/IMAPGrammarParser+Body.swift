/// BODY and BODYSTRUCTURE (RFC 9051 §7.5.2, §9): recursive, so every level goes through
/// `nested` and the depth guard.
extension IMAPGrammarParser {
    // body            = "(" (body-type-1part / body-type-mpart) ")"
    mutating func body() throws(IMAPGrammarError) -> IMAPBodyStructure {
        try nested { (p) throws(IMAPGrammarError) in
            try p.expect(UInt8(ascii: "("), .body)
            let body: IMAPBodyStructure = p.current == UInt8(ascii: "(")
                ? .multipart(try p.bodyTypeMpart())
                : .singlePart(try p.bodyType1Part())
            try p.expect(UInt8(ascii: ")"), .body)
            return body
        }
    }

    // body-type-mpart = 1*body SP media-subtype
    //                   [SP body-ext-mpart]
    // body-ext-mpart  = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
    //                     ; MUST NOT be returned on non-extensible
    //                     ; "BODY" fetch
    private mutating func bodyTypeMpart() throws(IMAPGrammarError) -> IMAPMultipartBody {
        var parts: [IMAPBodyStructure] = []
        repeat {
            parts.append(try body())
            if current == UInt8(ascii: " "), byte(at: position + 1) == UInt8(ascii: "(") {
                // Leniency: SP between the juxtaposed parts of 1*body.
                note(.bodyTypeMpart, .warning, "SP between body parts")
                position += 1
            }
        } while current == UInt8(ascii: "(")
        try expectSP(.bodyTypeMpart)
        var multipart = IMAPMultipartBody(parts: parts, mediaSubtype: try text(of: .bodyTypeMpart))
        if consume(UInt8(ascii: " ")) {
            multipart.parameters = try bodyFldParam()
            multipart.extensionData = try bodyExtensionTail(IMAPBodyExtensionData())
        }
        return multipart
    }

    // body-type-1part = (body-type-basic / body-type-msg / body-type-text)
    //                   [SP body-ext-1part]
    // body-type-basic = media-basic SP body-fields
    //                     ; MESSAGE subtype MUST NOT be "RFC822" or
    //                     ; "GLOBAL"
    // body-type-msg   = media-message SP body-fields SP envelope
    //                   SP body SP body-fld-lines
    // body-type-text  = media-text SP body-fields SP body-fld-lines
    // media-message   = DQUOTE "MESSAGE" DQUOTE SP
    //                   DQUOTE ("RFC822" / "GLOBAL") DQUOTE
    // media-text      = DQUOTE "TEXT" DQUOTE SP media-subtype
    // body-fld-lines  = number
    // body-ext-1part  = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
    //                     ; MUST NOT be returned on non-extensible
    //                     ; "BODY" fetch
    // body-fld-md5    = nstring
    private mutating func bodyType1Part() throws(IMAPGrammarError) -> IMAPBodyPart {
        let type = try text(of: .bodyType1Part)
        try expectSP(.bodyType1Part)
        let subtype = try text(of: .bodyType1Part)
        try expectSP(.bodyType1Part)
        var part = try bodyFields(type: type, subtype: subtype)
        let upperType = type.uppercased(), upperSubtype = subtype.uppercased()
        if upperType == "MESSAGE" && (upperSubtype == "RFC822" || upperSubtype == "GLOBAL") {
            try expectSP(.bodyType1Part)
            let envelope = try self.envelope()
            try expectSP(.bodyType1Part)
            part.message = IMAPEncapsulatedMessage(envelope: envelope, body: try body())
            try expectSP(.bodyType1Part)
            part.lines = try number(.bodyType1Part)
        } else if upperType == "TEXT" {
            try expectSP(.bodyType1Part)
            part.lines = try number(.bodyType1Part)
        }
        if consume(UInt8(ascii: " ")) {
            let md5 = try ntext(of: .bodyType1Part)
            part.extensionData = try bodyExtensionTail(IMAPBodyExtensionData(md5: md5))
        }
        return part
    }

    // body-fields     = body-fld-param SP body-fld-id SP body-fld-desc SP
    //                   body-fld-enc SP body-fld-octets
    // body-fld-id     = nstring
    // body-fld-desc   = nstring
    // body-fld-octets = number
    private mutating func bodyFields(type: String, subtype: String) throws(IMAPGrammarError) -> IMAPBodyPart {
        let parameters = try bodyFldParam() ?? []
        try expectSP(.bodyFields)
        let id = try ntext(of: .bodyFields)
        try expectSP(.bodyFields)
        let description = try ntext(of: .bodyFields)
        try expectSP(.bodyFields)
        let encoding = try bodyFldEnc()
        try expectSP(.bodyFields)
        return IMAPBodyPart(mediaType: type, mediaSubtype: subtype, parameters: parameters, id: id,
                            description: description, encoding: encoding, octets: try number(.bodyFields))
    }

    // body-fld-enc    = (DQUOTE ("7BIT" / "8BIT" / "BINARY" / "BASE64"/
    //                   "QUOTED-PRINTABLE") DQUOTE) / string
    private mutating func bodyFldEnc() throws(IMAPGrammarError) -> String {
        if consumeKeyword("NIL") {
            // Leniency: some servers send NIL for a missing Content-Transfer-Encoding.
            note(.bodyFldEnc, .warning, "NIL where the grammar requires a string", at: position - 3)
            return "7BIT"
        }
        return try text(of: .bodyFldEnc)
    }

    // body-fld-param  = "(" string SP string *(SP string SP string) ")" / nil
    /// nil for NIL.
    private mutating func bodyFldParam() throws(IMAPGrammarError) -> [IMAPBodyParameter]? {
        if consumeKeyword("NIL") { return nil }
        if current == UInt8(ascii: "("), byte(at: position + 1) == UInt8(ascii: ")") {
            // Leniency: "()" for no parameters where the grammar says NIL.
            note(.bodyFldParam, .warning, "\"()\" where the grammar requires NIL for no parameters")
            position += 2
            return []
        }
        return try parenthesized(.bodyFldParam, minimumCount: 1) { (p) throws(IMAPGrammarError) in
            let name = try p.text(of: .bodyFldParam)
            try p.expectSP(.bodyFldParam)
            return IMAPBodyParameter(name, try p.text(of: .bodyFldParam))
        }
    }

    /// `[SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]`, shared by
    /// body-ext-1part and body-ext-mpart after their first field.
    // body-fld-loc    = nstring
    private mutating func bodyExtensionTail(_ start: IMAPBodyExtensionData) throws(IMAPGrammarError) -> IMAPBodyExtensionData {
        var data = start
        guard consume(UInt8(ascii: " ")) else { return data }
        data.disposition = try bodyFldDsp()
        guard consume(UInt8(ascii: " ")) else { return data }
        data.language = try bodyFldLang()
        guard consume(UInt8(ascii: " ")) else { return data }
        data.location = try ntext(of: .bodyExtension)
        while consume(UInt8(ascii: " ")) {
            data.extensions.append(try bodyExtension())
        }
        return data
    }

    // body-fld-dsp    = "(" string SP body-fld-param ")" / nil
    private mutating func bodyFldDsp() throws(IMAPGrammarError) -> IMAPBodyDisposition? {
        if consumeKeyword("NIL") { return nil }
        try expect(UInt8(ascii: "("), .bodyFldDsp)
        let kind = try text(of: .bodyFldDsp)
        try expectSP(.bodyFldDsp)
        let parameters = try bodyFldParam() ?? []
        try expect(UInt8(ascii: ")"), .bodyFldDsp)
        return IMAPBodyDisposition(kind: kind, parameters: parameters)
    }

    // body-fld-lang   = nstring / "(" string *(SP string) ")"
    private mutating func bodyFldLang() throws(IMAPGrammarError) -> [String]? {
        if current == UInt8(ascii: "(") {
            return try parenthesized(.bodyFldLang, minimumCount: 1) { (p) throws(IMAPGrammarError) in try p.text(of: .bodyFldLang) }
        }
        return try ntext(of: .bodyFldLang).map { [$0] }
    }

    // body-extension  = nstring / number / number64 /
    //                    "(" body-extension *(SP body-extension) ")"
    //                     ; Future expansion.
    private mutating func bodyExtension() throws(IMAPGrammarError) -> IMAPBodyExtension {
        if let byte = current, IMAPCharacterClass.isDigit(byte) {
            return .number(try number64(.bodyExtension))
        }
        if current == UInt8(ascii: "(") {
            return try nested { (p) throws(IMAPGrammarError) in
                .list(try p.parenthesized(.bodyExtension, minimumCount: 1) { (p) throws(IMAPGrammarError) in try p.bodyExtension() })
            }
        }
        return .string(try ntext(of: .bodyExtension))
    }
}
