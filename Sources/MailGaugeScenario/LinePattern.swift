/// An `S:` line: the reply line expected, with wildcards for the parts that vary.
public struct LinePattern: Sendable, Equatable {
    public var segments: [Segment]
    /// The pattern as written, for diffs.
    public var source: String
    public var location: SourceLocation

    init(_ text: Substring, at location: SourceLocation) throws(ScenarioError) {
        self.segments = try SegmentLexer.lex(text, patterns: true, at: location)
        self.source = String(text)
        self.location = location
    }

    /// Names this pattern captures, in order.
    public var captures: [String] {
        segments.compactMap { if case .wildcard(let w) = $0 { w.capture } else { nil } }
    }

    /// Names this pattern reads.
    public var variables: [String] {
        segments.compactMap { if case .variable(let name) = $0 { name } else { nil } }
    }

    /// True when the pattern is exactly `text`, with no variable or wildcard.
    func isLiteral(_ text: String) -> Bool {
        segments == [.literal(text)]
    }

    /// Matches the whole line; returns the captured values, or nil when the line does not match.
    /// With `quotedValues` (IMAP), a `${name}` also matches its value as a quoted string: the
    /// server may send an astring either way (RFC 9051 §4.3), `"INBOX.x"` for `INBOX.x`.
    public func match(_ line: [UInt8], _ bindings: Bindings, quotedValues: Bool = false) throws(UndefinedVariable) -> [String: String]? {
        let pieces = try segments.map { segment throws(UndefinedVariable) -> Piece in
            switch segment {
            case .literal(let text): return .exact(Array(text.utf8))
            case .variable(let name):
                guard let value = bindings[name] else { throw UndefinedVariable(name: name) }
                return quotedValues ? .either(Array(value.utf8), Self.quoted(value)) : .exact(Array(value.utf8))
            case .wildcard(let wildcard): return .wildcard(wildcard)
            }
        }
        var captures: [String: String] = [:]
        return Self.match(pieces[...], line[...], &captures) ? captures : nil
    }

    private enum Piece {
        case exact([UInt8])
        /// A value as it is, or as a quoted string.
        case either([UInt8], [UInt8])
        case wildcard(Wildcard)
    }

    /// `quoted = DQUOTE *QUOTED-CHAR DQUOTE`, `"` and `\` escaped (RFC 9051 §9).
    private static func quoted(_ value: String) -> [UInt8] {
        let escaped = value.utf8.flatMap { byte in byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") ? [UInt8(ascii: "\\"), byte] : [byte] }
        return [UInt8(ascii: "\"")] + escaped + [UInt8(ascii: "\"")]
    }

    /// Backtracking match, longest wildcard first; reply lines are short, so this stays cheap.
    private static func match(_ pieces: ArraySlice<Piece>, _ line: ArraySlice<UInt8>, _ captures: inout [String: String]) -> Bool {
        guard let piece = pieces.first else { return line.isEmpty }
        let rest = pieces.dropFirst()
        switch piece {
        case .exact(let bytes):
            guard line.starts(with: bytes) else { return false }
            return match(rest, line.dropFirst(bytes.count), &captures)
        case .either(let bare, let quoted):
            return [bare, quoted].contains { bytes in line.starts(with: bytes) && match(rest, line.dropFirst(bytes.count), &captures) }
        case .wildcard(let wildcard):
            let longest = longestRun(of: wildcard.kind, in: line)
            let shortest = wildcard.kind == .any ? 0 : 1
            guard longest >= shortest else { return false }
            for length in stride(from: longest, through: shortest, by: -1) {
                if match(rest, line.dropFirst(length), &captures) {
                    if let name = wildcard.capture {
                        captures[name] = String(decoding: line.prefix(length), as: UTF8.self)
                    }
                    return true
                }
            }
            return false
        }
    }

    private static func longestRun(of kind: WildcardKind, in line: ArraySlice<UInt8>) -> Int {
        switch kind {
        case .any: return line.count
        case .number: return line.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
        case .atom: return line.prefix { $0 != UInt8(ascii: " ") }.count
        }
    }
}
