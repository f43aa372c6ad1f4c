import Synchronization
import MailGaugeWire

extension LinePattern {
    /// Matches an IMAP response by meaning (Scenarios/README.md, "How S: lines match"): pattern
    /// and response are both normalised by `IMAPLineNormalizer`, the pattern's wildcards as
    /// holes, and compared once with items in the order sent and once sorted, so FETCH items and
    /// flags may come in any order. `response` is the first line, or the whole response with
    /// its literals; `prefix` is text the response starts with that the pattern leaves out (the
    /// tag of a completion written without `${tag}`).
    public func matchIMAP(_ response: [UInt8], prefix: String = "", _ bindings: Bindings) throws(UndefinedVariable) -> [String: String]? {
        try matchIMAP(response[...], prefix: prefix, bindings)
    }

    public func matchIMAP(_ response: ArraySlice<UInt8>, prefix: String = "", _ bindings: Bindings) throws(UndefinedVariable) -> [String: String]? {
        try matchIMAP(IMAPResponseReading(response), prefix: prefix, bindings)
    }

    public func matchIMAP(_ response: IMAPResponseReading, prefix: String = "", _ bindings: Bindings) throws(UndefinedVariable) -> [String: String]? {
        for (index, choice) in choices.enumerated() {
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
            // Only a parenthesised list (FETCH items, flags) is sorted: without one on either
            // side, the sorted reading is the one as sent, and is not tried again.
            let tried = response.hasList || units.contains(.octet(UInt8(ascii: "("))) ? 2 : 1
            let compiledPieces = compiled.pieces(IMAPPieceCache.Key(choice: index, units: units)) {
                IMAPLineNormalizer.Ordering.allCases.map { Self.pieces(IMAPLineNormalizer(ordering: $0).normalize(units), wildcards) }
            }
            for (ordering, pieces) in zip(IMAPLineNormalizer.Ordering.allCases, compiledPieces).prefix(tried) {
                if let captures = PatternPiece.match(pieces, response.normalized(ordering)),
                   let admitted = try admitted(captures, bindings) { return admitted }
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

/// A response as `matchIMAP` reads it, normalised each way at most once however many patterns
/// it meets: a reply's every untagged response is compared with every untagged expectation.
public final class IMAPResponseReading {
    private let bytes: ArraySlice<UInt8>
    private var readings: [IMAPLineNormalizer.Ordering: [UInt8]] = [:]

    /// Whether the response holds a parenthesised list, which its sorted reading may reorder.
    let hasList: Bool

    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        hasList = bytes.contains(UInt8(ascii: "("))
    }

    func normalized(_ ordering: IMAPLineNormalizer.Ordering) -> [UInt8] {
        if let reading = readings[ordering] { return reading }
        let reading = IMAPLineNormalizer(ordering: ordering).normalize(IMAPLineUnit.octets(bytes)).compactMap(\.octet)
        readings[ordering] = reading
        return reading
    }
}

/// The pieces `matchIMAP` compiles a choice of a pattern into, one list per ordering, kept by
/// the units they came from (the tag in front and variables' values included): a load run
/// matches the same line, with the same automatic tag, in every session, and normalising the
/// pattern cost as much as matching it. At most `limit` texts are kept per pattern: a line
/// holding a per-session value (`${run}`) is compiled each time once the cache is full.
final class IMAPPieceCache: Sendable, Equatable {
    struct Key: Hashable {
        var choice: Int
        var units: [IMAPLineUnit]
    }

    static let limit = 64
    private let entries = Mutex<[Key: [[PatternPiece]]]>([:])

    func pieces(_ key: Key, compile: () -> [[PatternPiece]]) -> [[PatternPiece]] {
        if let found = entries.withLock({ $0[key] }) { return found }
        let pieces = compile()
        entries.withLock { entries in
            if entries.count < Self.limit { entries[key] = pieces }
        }
        return pieces
    }

    /// A cache is no part of what a pattern says.
    static func == (lhs: IMAPPieceCache, rhs: IMAPPieceCache) -> Bool { true }
}
