/// Reads one complete IMAP command (as cut by `IMAPCommandFramer`) against the grammar of
/// RFC 9051 §9 / RFC 3501 §9. This file holds the lexical rules; the command rules live in
/// the `+Commands`, `+Fetch` and `+Search` extensions.
struct IMAPCommandParser {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { index >= bytes.count }

    func peek() -> UInt8? {
        atEnd ? nil : bytes[index]
    }

    /// Consumes `byte` if it is next.
    mutating func take(_ byte: Character) -> Bool {
        guard peek() == byte.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func expect(_ byte: Character) throws {
        guard take(byte) else { throw IMAPSyntaxError("expected '\(byte)' at offset \(index)") }
    }

    mutating func space() throws {
        try expect(" ")
    }

    mutating func expectEnd() throws {
        guard atEnd else { throw IMAPSyntaxError("unexpected text at offset \(index)") }
    }

    /// Consumes `word` (case-insensitive) when it is next and not followed by more atom characters.
    mutating func takeKeyword(_ word: String) -> Bool {
        let word = Array(word.uppercased().utf8)
        guard bytes.count - index >= word.count else { return false }
        for (offset, byte) in word.enumerated() where Self.upper(bytes[index + offset]) != byte { return false }
        let after = index + word.count
        if after < bytes.count && Self.isAtomChar(bytes[after]) && !word.contains(where: { !Self.isAtomChar($0) }) { return false }
        index = after
        return true
    }

    // MARK: RFC 9051 §9 lexical rules

    /// `atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials`
    static func isAtomChar(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && !"(){%*\"\\]".utf8.contains(byte)
    }

    static func upper(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
    }

    /// `atom = 1*ATOM-CHAR`
    mutating func atom() throws -> String {
        let start = index
        while let byte = peek(), Self.isAtomChar(byte) { index += 1 }
        guard index > start else { throw IMAPSyntaxError("expected an atom at offset \(start)") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `tag = 1*<any ASTRING-CHAR except "+">`
    mutating func tag() throws -> String {
        let start = index
        while let byte = peek(), Self.isAtomChar(byte) || byte == UInt8(ascii: "]"), byte != UInt8(ascii: "+") { index += 1 }
        guard index > start else { throw IMAPSyntaxError("missing tag") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `number = 1*DIGIT` (RFC 9051 §9), at most 32 bits here; `nz-number` when `nonZero`.
    mutating func number(nonZero: Bool = false) throws -> UInt32 {
        let value = try number64()
        guard value <= UInt64(UInt32.max), !nonZero || value > 0 else { throw IMAPSyntaxError("number out of range at offset \(index)") }
        return UInt32(value)
    }

    mutating func number64() throws -> UInt64 {
        let start = index
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        guard index > start, index - start <= 19, let value = UInt64(String(decoding: bytes[start..<index], as: UTF8.self)) else {
            throw IMAPSyntaxError("expected a number at offset \(start)")
        }
        return value
    }

    /// `string = quoted / literal`
    mutating func string() throws -> [UInt8] {
        if peek() == UInt8(ascii: "\"") { return try quoted() }
        if peek() == UInt8(ascii: "{") { return try literal() }
        throw IMAPSyntaxError("expected a string at offset \(index)")
    }

    /// `quoted = DQUOTE *QUOTED-CHAR DQUOTE`, with `\"` and `\\` escapes.
    mutating func quoted() throws -> [UInt8] {
        try expect("\"")
        var value: [UInt8] = []
        while let byte = peek() {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return value
            case UInt8(ascii: "\\"):
                guard let escaped = peek(), escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "\\") else {
                    throw IMAPSyntaxError("bad escape in quoted string at offset \(index)")
                }
                value.append(escaped)
                index += 1
            case 13, 10, 0: throw IMAPSyntaxError("CR, LF or NUL in quoted string")
            default: value.append(byte)
            }
        }
        throw IMAPSyntaxError("unterminated quoted string")
    }

    /// `literal = "{" number64 ["+"] "}" CRLF *CHAR8` (RFC 9051 §4.3, RFC 7888).
    mutating func literal() throws -> [UInt8] {
        try expect("{")
        let size = Int(try number64())
        _ = take("+")
        try expect("}")
        _ = take("\r")
        try expect("\n")
        guard bytes.count - index >= size else { throw IMAPSyntaxError("literal shorter than announced") }
        defer { index += size }
        return Array(bytes[index..<(index + size)])
    }

    /// `astring = 1*ASTRING-CHAR / string`
    mutating func astring() throws -> String {
        if peek() == UInt8(ascii: "\"") || peek() == UInt8(ascii: "{") { return String(decoding: try string(), as: UTF8.self) }
        let start = index
        while let byte = peek(), Self.isAtomChar(byte) || byte == UInt8(ascii: "]") { index += 1 }
        guard index > start else { throw IMAPSyntaxError("expected an astring at offset \(start)") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `list-mailbox = 1*list-char / string`, where list-char adds `%`, `*` and `]`.
    mutating func listMailbox() throws -> String {
        if peek() == UInt8(ascii: "\"") || peek() == UInt8(ascii: "{") { return String(decoding: try string(), as: UTF8.self) }
        let start = index
        while let byte = peek(), Self.isAtomChar(byte) || "%*]".utf8.contains(byte) { index += 1 }
        guard index > start else { throw IMAPSyntaxError("expected a mailbox pattern at offset \(start)") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `mailbox = "INBOX" / astring`
    mutating func mailbox() throws -> String {
        MailboxName.key(try astring())
    }

    /// `"(" element *(SP element) ")"`; `allowEmpty` for lists that may be `()`.
    mutating func parenthesized<Element>(allowEmpty: Bool = false, _ element: (inout IMAPCommandParser) throws -> Element) throws -> [Element] {
        try expect("(")
        var elements: [Element] = []
        if take(")") {
            guard allowEmpty else { throw IMAPSyntaxError("empty list at offset \(index)") }
            return elements
        }
        repeat { elements.append(try element(&self)) } while take(" ")
        try expect(")")
        return elements
    }

    /// `flag = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword / flag-extension`
    mutating func flag() throws -> String {
        if take("\\") { return "\\" + (try atom()) }
        return try atom()
    }

    /// RFC 6154 §6: `create-param =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"`, the one
    /// CREATE parameter this server knows, in its list `"(" create-param ")"`.
    mutating func createUse() throws -> [String] {
        try expect("(")
        guard try atom().uppercased() == "USE" else { throw IMAPSyntaxError("unknown CREATE parameter at offset \(index)") }
        try space()
        let attributes = try flagList()
        try expect(")")
        return attributes
    }

    /// `flag-list = "(" [flag *(SP flag)] ")"`
    mutating func flagList() throws -> [String] {
        try parenthesized(allowEmpty: true) { try $0.flag() }
    }

    /// `sequence-set` (RFC 9051 §9): `seq-number / seq-range`, comma-separated; `*` is the largest.
    mutating func sequenceSet() throws -> SequenceSet {
        var ranges: [SequenceSet.Range] = []
        repeat {
            let first = try sequenceBound()
            let last = take(":") ? try sequenceBound() : first
            ranges.append(SequenceSet.Range(first: first, last: last))
        } while take(",")
        return SequenceSet(ranges: ranges)
    }

    private mutating func sequenceBound() throws -> SequenceSet.Bound {
        if take("*") { return .largest }
        return .number(try number(nonZero: true))
    }
}

