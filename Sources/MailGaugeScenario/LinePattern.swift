/// An `S:` line: the reply line expected, with wildcards for the parts that vary.
public struct LinePattern: Sendable, Equatable {
    public let segments: [Segment]
    /// The pattern as written, for diffs.
    public var source: String
    public var location: SourceLocation
    /// What `matchIMAP` compiled this pattern into, by the text it compiled.
    let compiled = IMAPPieceCache()

    init(_ text: Substring, at location: SourceLocation) throws(ScenarioError) {
        self.segments = try SegmentLexer.lex(text, patterns: true, at: location)
        self.source = String(text)
        self.location = location
    }

    /// The wildcard whose range makes the line counted (`{k:number in 1..${n}}`), with the
    /// name its numbers are captured under.
    public var counted: (name: String, range: NumberRange)? {
        for case .wildcard(let wildcard) in segments {
            if let range = wildcard.range, let name = wildcard.capture { return (name, range) }
        }
        return nil
    }

    /// Names this pattern captures, in order.
    public var captures: [String] {
        segments.compactMap { if case .wildcard(let w) = $0 { w.capture.flatMap { $0.hasPrefix("#") ? nil : $0 } } else { nil } }
    }

    /// Names this pattern reads.
    public var variables: [String] {
        segments.flatMap(\.names)
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
                case .expression(let expression): return .exact(Array(try expression.text(in: bindings).utf8))
                case .wildcard(let wildcard): return .wildcard(wildcard)
                case .alternatives: preconditionFailure("choices hold no alternatives")
                }
            }
            if let captures = PatternPiece.match(pieces, line), let admitted = try admitted(captures, bindings) { return admitted }
        }
        return nil
    }

    /// The captures of a match whose bounds all hold (`{k:number <= ${n}}`), without the names
    /// bounded wildcards took for themselves; nil when one does not hold. A bound is checked on
    /// the number the match took, the longest the rest of the line allows.
    func admitted(_ captures: [String: String], _ bindings: Bindings) throws(UndefinedVariable) -> [String: String]? {
        var hasOwnNames = false
        for case .wildcard(let wildcard) in segments {
            guard wildcard.bound != nil || wildcard.range != nil, let name = wildcard.capture else { continue }
            hasOwnNames = hasOwnNames || name.hasPrefix("#")
            guard let number = captures[name].flatMap({ Int($0) }) else { return nil }
            if let bound = wildcard.bound, !bound.relation.holds(number, try bound.value.number(in: bindings)) { return nil }
            if let range = wildcard.range {
                let (lower, upper) = (try range.lower.number(in: bindings), try range.upper.number(in: bindings))
                guard lower <= number && number <= upper else { return nil }
            }
        }
        return hasOwnNames ? captures.filter { !$0.key.hasPrefix("#") } : captures
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
enum PatternPiece: Sendable {
    case exact([UInt8])
    case wildcard(Wildcard)
    /// One of a pair around an IMAP string that holds a wildcard: a DQUOTE, or nothing; the
    /// closing one matches a DQUOTE exactly when the opening one did.
    case quoteIfNeeded
}
