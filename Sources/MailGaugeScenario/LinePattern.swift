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

    /// Matches the whole line byte for byte (POP3, and literal content); returns the captured
    /// values, or nil when the line does not match.
    public func match(_ line: [UInt8], _ bindings: Bindings) throws(UndefinedVariable) -> [String: String]? {
        for choice in choices {
            let pieces = try choice.map { segment throws(UndefinedVariable) -> PatternPiece in
                switch segment {
                case .literal(let text): return .exact(Array(text.utf8))
                case .variable(let name): return .exact(Array(try Self.value(of: name, in: bindings).utf8))
                case .wildcard(let wildcard): return .wildcard(wildcard)
                case .alternatives: preconditionFailure("choices hold no alternatives")
                }
            }
            if let captures = PatternPiece.match(pieces, line) { return captures }
        }
        return nil
    }

    /// The pattern once per combination of its alternatives, each alternative as literal text:
    /// `{NO|BAD} {*}` is `NO {*}` or `BAD {*}`.
    var choices: [[Segment]] {
        segments.reduce([[]]) { partial, segment in
            guard case .alternatives(let texts) = segment else { return partial.map { $0 + [segment] } }
            return partial.flatMap { prefix in texts.map { prefix + [.literal($0)] } }
        }
    }

    static func value(of name: String, in bindings: Bindings) throws(UndefinedVariable) -> String {
        guard let value = bindings[name] else { throw UndefinedVariable(name: name) }
        return value
    }
}

/// A part of a pattern ready to match bytes.
enum PatternPiece {
    case exact([UInt8])
    case wildcard(Wildcard)
    /// One of a pair around an IMAP string that holds a wildcard: a DQUOTE, or nothing; the
    /// closing one matches a DQUOTE exactly when the opening one did.
    case quoteIfNeeded

    /// Where a match is relative to a `quoteIfNeeded` pair.
    private enum Quoting: Equatable {
        case outside
        case inside(quoted: Bool)
    }

    /// The captures of a whole-line match, or nil.
    static func match(_ pieces: [PatternPiece], _ line: [UInt8]) -> [String: String]? {
        var captures: [String: String] = [:]
        return match(pieces[...], line[...], .outside, &captures) ? captures : nil
    }

    /// Backtracking match, longest wildcard first; reply lines are short, so this stays cheap.
    private static func match(_ pieces: ArraySlice<PatternPiece>, _ line: ArraySlice<UInt8>, _ quoting: Quoting,
                              _ captures: inout [String: String]) -> Bool {
        guard let piece = pieces.first else { return line.isEmpty }
        let rest = pieces.dropFirst()
        let quote = UInt8(ascii: "\"")
        switch piece {
        case .exact(let bytes):
            guard line.starts(with: bytes) else { return false }
            return match(rest, line.dropFirst(bytes.count), quoting, &captures)
        case .quoteIfNeeded:
            switch quoting {
            case .outside:
                return (line.first == quote && match(rest, line.dropFirst(), .inside(quoted: true), &captures))
                    || match(rest, line, .inside(quoted: false), &captures)
            case .inside(let quoted):
                guard !quoted || line.first == quote else { return false }
                return match(rest, quoted ? line.dropFirst() : line, .outside, &captures)
            }
        case .wildcard(let wildcard):
            // Inside quotes an atom stops at the closing quote, so it captures the value alone.
            let longest = longestRun(of: wildcard.kind, in: line, stoppingAtQuote: quoting == .inside(quoted: true))
            let shortest = wildcard.kind == .any ? 0 : 1
            guard longest >= shortest else { return false }
            for length in stride(from: longest, through: shortest, by: -1) {
                if match(rest, line.dropFirst(length), quoting, &captures) {
                    if let name = wildcard.capture {
                        captures[name] = String(decoding: line.prefix(length), as: UTF8.self)
                    }
                    return true
                }
            }
            return false
        }
    }

    private static func longestRun(of kind: WildcardKind, in line: ArraySlice<UInt8>, stoppingAtQuote: Bool) -> Int {
        switch kind {
        case .any: return line.count
        case .number: return line.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
        case .atom: return line.prefix { $0 != UInt8(ascii: " ") && !(stoppingAtQuote && $0 == UInt8(ascii: "\"")) }.count
        }
    }
}
