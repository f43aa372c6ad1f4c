/// FETCH (RFC 9051 §6.4.5), with the RFC 3501 items, BINARY (RFC 3516) and CHANGEDSINCE
/// (RFC 7162 §3.1.4.1).
extension IMAPCommandParser {
    /// `fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]`
    mutating func fetchArguments(uid: Bool) throws -> IMAPCommand {
        try space()
        let set = try sequenceSet()
        try space()
        var items: [FetchItem]
        if takeKeyword("ALL") {
            items = [.flags, .internalDate, .rfc822Size, .envelope]
        } else if takeKeyword("FULL") {
            items = [.flags, .internalDate, .rfc822Size, .envelope, .body]
        } else if takeKeyword("FAST") {
            items = [.flags, .internalDate, .rfc822Size]
        } else if peek() == UInt8(ascii: "(") {
            items = try parenthesized { try $0.fetchAttribute() }
        } else {
            items = [try fetchAttribute()]
        }
        var changedSince: UInt64?
        if take(" ") {
            try expect("(")
            guard takeKeyword("CHANGEDSINCE") else { throw IMAPSyntaxError("unknown FETCH modifier") }
            try space()
            changedSince = try number64()
            try expect(")")
            if !items.contains(.modSeq) { items.append(.modSeq) }
        }
        if uid && !items.contains(.uid) { items.insert(.uid, at: 0) }
        return .fetch(uid: uid, set: set, items: items, changedSince: changedSince)
    }

    /// `fetch-att` (RFC 9051 §9, plus RFC 3501's RFC822 items and RFC 7162's MODSEQ).
    private mutating func fetchAttribute() throws -> FetchItem {
        let start = index
        while let byte = peek(), Self.isAtomChar(byte), byte != UInt8(ascii: "["), byte != UInt8(ascii: "<") { index += 1 }
        let name = String(decoding: bytes[start..<index], as: UTF8.self).uppercased()
        switch name {
        case "FLAGS": return .flags
        case "UID": return .uid
        case "INTERNALDATE": return .internalDate
        case "RFC822.SIZE": return .rfc822Size
        case "ENVELOPE": return .envelope
        case "BODYSTRUCTURE": return .bodyStructure
        case "MODSEQ": return .modSeq
        case "RFC822": return .rfc822
        case "RFC822.HEADER": return .rfc822Header
        case "RFC822.TEXT": return .rfc822Text
        case "BODY" where peek() != UInt8(ascii: "["): return .body
        case "BODY", "BODY.PEEK":
            let section = try section()
            return .bodySection(section, try partial(), peek: name == "BODY.PEEK")
        case "BINARY", "BINARY.PEEK", "BINARY.SIZE":
            try expect("[")
            let part = try partNumbers()
            try expect("]")
            if name == "BINARY.SIZE" { return .binarySize(part) }
            return .binary(part, try partial(), peek: name == "BINARY.PEEK")
        default:
            throw IMAPSyntaxError("unknown FETCH item '\(name)'")
        }
    }

    /// `section = "[" [section-spec] "]"`, `section-spec = section-msgtext / (section-part ["." section-text])`
    private mutating func section() throws -> SectionSpecifier {
        try expect("[")
        var section = SectionSpecifier()
        if take("]") { return section }
        if let byte = peek(), (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte) {
            section.part = try partNumbers()
            guard take(".") else {
                try expect("]")
                return section
            }
        }
        if takeKeyword("HEADER.FIELDS.NOT") {
            try space()
            section.text = .headerFieldsNot(try parenthesized { try $0.astring() })
        } else if takeKeyword("HEADER.FIELDS") {
            try space()
            section.text = .headerFields(try parenthesized { try $0.astring() })
        } else if takeKeyword("HEADER") {
            section.text = .header
        } else if takeKeyword("TEXT") {
            section.text = .text
        } else if !section.part.isEmpty && takeKeyword("MIME") {
            section.text = .mime
        } else {
            throw IMAPSyntaxError("unknown section text at offset \(index)")
        }
        try expect("]")
        return section
    }

    /// `section-part = nz-number *("." nz-number)`; stops before a `.` not followed by a digit.
    private mutating func partNumbers() throws -> [Int] {
        guard let byte = peek(), (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte) else { return [] }
        var numbers = [Int(try number(nonZero: true))]
        while peek() == UInt8(ascii: "."), index + 1 < bytes.count,
              (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(bytes[index + 1]) {
            index += 1
            numbers.append(Int(try number(nonZero: true)))
        }
        return numbers
    }

    /// `partial = "<" number64 "." nz-number64 ">"`
    private mutating func partial() throws -> FetchItem.Partial? {
        guard take("<") else { return nil }
        let origin = try number64()
        try expect(".")
        let length = try number64()
        guard length > 0 else { throw IMAPSyntaxError("partial length must not be zero") }
        try expect(">")
        return FetchItem.Partial(origin: Int(origin), length: Int(min(length, UInt64(Int.max / 2))))
    }
}
