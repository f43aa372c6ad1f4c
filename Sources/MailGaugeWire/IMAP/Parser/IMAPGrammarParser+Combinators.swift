/// The small combinators rules are built from: optional with backtracking, depth-guarded
/// nesting, fixed strings, case-insensitive keywords (RFC 5234 §2.3) and parenthesised lists.
extension IMAPGrammarParser {
    typealias Rule<T> = (inout IMAPGrammarParser) throws(IMAPGrammarError) -> T

    /// `[ body ]`: runs `body`; on failure restores position and findings and returns nil.
    mutating func optional<T>(_ body: Rule<T>) -> T? {
        let (savedPosition, savedFindings) = (position, findings.count)
        do {
            return try body(&self)
        } catch {
            position = savedPosition
            findings.removeSubrange(savedFindings...)
            return nil
        }
    }

    /// `a / b`: the first alternative that matches, backtracking between them.
    mutating func oneOf<T>(_ first: Rule<T>, _ second: Rule<T>) throws(IMAPGrammarError) -> T {
        if let value = optional(first) { return value }
        return try second(&self)
    }

    /// Runs a recursive rule one level deeper, failing once `maxDepth` is passed.
    mutating func nested<T>(_ body: Rule<T>) throws(IMAPGrammarError) -> T {
        guard depth < options.maxDepth else {
            throw fail(.recursionDepth, expected: "nesting no deeper than \(options.maxDepth)")
        }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    /// Consumes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        position += 1
        return true
    }

    mutating func expect(_ byte: UInt8, _ rule: IMAPGrammarRule) throws(IMAPGrammarError) {
        guard consume(byte) else {
            throw fail(rule, expected: "\"\(ByteEscaping.escape([byte]))\"")
        }
    }

    mutating func expectSP(_ rule: IMAPGrammarRule) throws(IMAPGrammarError) {
        try expect(UInt8(ascii: " "), rule)
    }

    /// Consumes `word` case-insensitively if it is next.
    mutating func consumeKeyword(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { expected in
            for index in 0..<count where IMAPCharacterClass.upper(bytes[position + index]) != expected[index] {
                return false
            }
            return true
        }
        if matches { position += count }
        return matches
    }

    mutating func keyword(_ word: StaticString, _ rule: IMAPGrammarRule) throws(IMAPGrammarError) {
        guard consumeKeyword(word) else { throw fail(rule, expected: "\"\(word)\"") }
    }

    /// Consumes bytes while `predicate` holds and returns their range.
    mutating func scan(while predicate: (UInt8) -> Bool) -> Range<Int> {
        let start = position
        while position < bytes.count && predicate(bytes[position]) { position += 1 }
        return start..<position
    }

    /// A word made of letters, digits, `.` and `-`, upper-cased: the names that select the
    /// alternative of a response, code or fetch item (`"FETCH"`, `"RFC822.SIZE"`, `"READ-ONLY"`).
    mutating func keywordName() -> String {
        let range = scan { byte in
            let upper = IMAPCharacterClass.upper(byte)
            return (upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z")) || IMAPCharacterClass.isDigit(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
        return String(unsafeUninitializedCapacity: range.count) { buffer in
            for (index, byte) in bytes[range].enumerated() { buffer[index] = IMAPCharacterClass.upper(byte) }
            return range.count
        }
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// `"(" [element *(SP element)] ")"`. An empty list where the grammar needs one element is
    /// left for the caller to judge via `minimumCount`.
    mutating func parenthesized<T>(_ rule: IMAPGrammarRule, minimumCount: Int = 0, separator: Bool = true,
                                   _ element: Rule<T>) throws(IMAPGrammarError) -> [T] {
        try expect(UInt8(ascii: "("), rule)
        var items: [T] = []
        if !consume(UInt8(ascii: ")")) {
            repeat {
                items.append(try element(&self))
            } while try listContinues(rule, separator: separator)
            try expect(UInt8(ascii: ")"), rule)
        }
        if items.count < minimumCount {
            throw fail(rule, expected: "at least \(minimumCount) element(s) in the list", at: position - 1)
        }
        return items
    }

    /// Between list elements: SP when the grammar separates them, nothing when it juxtaposes
    /// them (`1*address`, `1*body`).
    private mutating func listContinues(_ rule: IMAPGrammarRule, separator: Bool) throws(IMAPGrammarError) -> Bool {
        if current == UInt8(ascii: ")") { return false }
        if separator {
            try expectSP(rule)
        } else if current == UInt8(ascii: " ") {
            // Leniency: some servers put SP between juxtaposed list elements.
            note(rule, .warning, "SP between elements the grammar juxtaposes")
            position += 1
        }
        return true
    }

    /// End of a response line: CRLF, or a bare LF (reported by the framer, so not again here).
    mutating func endOfLine(_ rule: IMAPGrammarRule) throws(IMAPGrammarError) {
        if current == UInt8(ascii: " ") {
            let start = position
            _ = scan { $0 == UInt8(ascii: " ") }
            guard current == 0x0D || current == 0x0A else {
                throw fail(rule, expected: "CRLF", at: start)
            }
            // Leniency: trailing spaces before CRLF are common and harmless.
            note(rule, .warning, "trailing space before CRLF", at: start)
        }
        _ = consume(0x0D)
        guard consume(0x0A) else { throw fail(rule, expected: "CRLF") }
        guard position == bytes.count else { throw fail(.crlf, expected: "end of the response after CRLF") }
    }
}
