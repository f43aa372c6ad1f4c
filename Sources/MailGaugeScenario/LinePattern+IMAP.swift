import MailGaugeWire

extension LinePattern {
    /// Matches an IMAP response by meaning (Scenarios/README.md, "How S: lines match"): pattern
    /// and response are both normalised by `IMAPLineNormalizer`, the pattern's wildcards as
    /// holes, and compared once with items in the order sent and once sorted, so FETCH items and
    /// flags may come in any order. `response` is the first line, or the whole response with
    /// its literals; `prefix` is text the response starts with that the pattern leaves out (the
    /// tag of a completion written without `${tag}`).
    public func matchIMAP(_ response: some Collection<UInt8>, prefix: String = "", _ bindings: Bindings) throws(UndefinedVariable) -> [String: String]? {
        let received = IMAPLineUnit.octets(response)
        for choice in choices {
            var wildcards: [Wildcard] = []
            var units = IMAPLineUnit.octets(prefix.utf8)
            var inQuotedString = false
            for segment in choice {
                switch segment {
                case .literal(let text):
                    units += IMAPLineUnit.octets(text.utf8)
                    inQuotedString = Self.endsInQuotedString(text.utf8, startingInside: inQuotedString)
                case .variable(let name):
                    units += IMAPLineUnit.octets(Self.token(for: try Self.value(of: name, in: bindings), inQuotedString: inQuotedString))
                case .expression(let expression):
                    units += IMAPLineUnit.octets(try expression.text(in: bindings).utf8)
                case .wildcard(let wildcard):
                    units.append(.hole(UInt16(wildcards.count)))
                    wildcards.append(wildcard)
                case .alternatives: preconditionFailure("choices hold no alternatives")
                }
            }
            for ordering in IMAPLineNormalizer.Ordering.allCases {
                let normalizer = IMAPLineNormalizer(ordering: ordering)
                let line = normalizer.normalize(received).compactMap(\.octet)
                let pieces = Self.pieces(normalizer.normalize(units), wildcards)
                if let captures = PatternPiece.match(pieces, line), let admitted = try admitted(captures, bindings) { return admitted }
            }
        }
        return nil
    }

    /// A variable's value as the text that means it, never re-read as syntax: inside a quoted
    /// string with its quoted-specials escaped; elsewhere as it is (an atom, a flag, a sequence
    /// set) unless it holds what would end a word there, then as a quoted string.
    private static func token(for value: String, inQuotedString: Bool) -> [UInt8] {
        let endsAWord: Set<UInt8> = Set(" ()[]\"{".utf8)
        let isWord = !value.isEmpty && value.utf8.allSatisfy { !endsAWord.contains($0) && $0 >= 0x20 && $0 != 0x7F }
        if isWord && !inQuotedString { return Array(value.utf8) }
        let escaped = value.utf8.flatMap { byte in byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") ? [UInt8(ascii: "\\"), byte] : [byte] }
        return inQuotedString ? escaped : [UInt8(ascii: "\"")] + escaped + [UInt8(ascii: "\"")]
    }

    /// Whether a quoted string is still open after `text`, `"` toggling it and `\` escaping inside it.
    private static func endsInQuotedString(_ text: String.UTF8View, startingInside inside: Bool) -> Bool {
        var inside = inside
        var escaped = false
        for byte in text {
            if escaped { escaped = false } else if inside && byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inside.toggle() }
        }
        return inside
    }

    /// Whether the pattern ends where a response's first line does when it announces a literal
    /// (`BODY[] \{{size:number}\}`): then it is written for the first line, not the whole response.
    public var endsInLiteralAnnouncement: Bool {
        if case .literal(let text)? = segments.last { text.hasSuffix("}") } else { false }
    }

    private static func pieces(_ units: [IMAPNormalizedUnit], _ wildcards: [Wildcard]) -> [PatternPiece] {
        var pieces: [PatternPiece] = []
        for unit in units {
            switch unit {
            case .octet(let byte):
                if case .exact(let bytes)? = pieces.last {
                    pieces[pieces.count - 1] = .exact(bytes + [byte])
                } else {
                    pieces.append(.exact([byte]))
                }
            case .hole(let index): pieces.append(.wildcard(wildcards[Int(index)]))
            case .quoteIfNeeded: pieces.append(.quoteIfNeeded)
            }
        }
        return pieces
    }
}
