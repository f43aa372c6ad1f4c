/// Splits the text of a `C:` or `S:` line into segments.
///
/// One lexer serves both line kinds so that escapes and `${name}` mean the same everywhere;
/// only `S:` lines give `{...}` a meaning, because commands send braces as they are (IMAP literals).
enum SegmentLexer {
    /// `\{`, `\}`, `\$` and `\\` are escapes; any other backslash is text, so IMAP flags
    /// such as `\Seen` are written as they are sent.
    static let escapable: Set<Character> = ["{", "}", "$", "\\"]

    static func lex(_ text: Substring, patterns: Bool, at location: SourceLocation) throws(ScenarioError) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        func flushLiteral() {
            if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\\", next < text.endIndex, Self.escapable.contains(text[next]) {
                literal.append(text[next])
                index = text.index(after: next)
            } else if character == "$", next < text.endIndex, text[next] == "{" {
                let (body, after) = try braced(text, openingAt: next, at: location)
                guard VariableName.isValid(body) else {
                    throw ScenarioError("'${\(body)}' is not a variable name (letters, digits, '_' and '-', starting with a letter)", at: location)
                }
                flushLiteral()
                segments.append(.variable(String(body)))
                index = after
            } else if character == "{", patterns {
                let (body, after) = try braced(text, openingAt: index, at: location)
                if let pattern = try pattern(body, at: location) {
                    flushLiteral()
                    segments.append(pattern)
                } else {
                    literal += "{\(body)}"
                }
                index = after
            } else {
                literal.append(character)
                index = next
            }
        }
        flushLiteral()
        if patterns { try checkBounds(segments, at: location) }
        return segments
    }

    /// Most wildcards in one line, and most texts its alternatives make together (`{a|b}` twice
    /// is four). Matching takes time and memory in pieces × reply length (a megabyte line
    /// against 100 wildcards: 400 MB), and each combination is matched on its own, so twenty
    /// `{a|b}` would be a million matches. The shipped scenarios use 8 wildcards at most.
    static let maxWildcards = 100
    static let maxChoices = 256

    private static func checkBounds(_ segments: [Segment], at location: SourceLocation) throws(ScenarioError) {
        let wildcards = segments.count { if case .wildcard = $0 { true } else { false } }
        guard wildcards <= maxWildcards else {
            throw ScenarioError("the line has \(wildcards) wildcards, more than \(maxWildcards)", at: location)
        }
        var choices = 1
        for case .alternatives(let texts) in segments {
            choices *= texts.count
            guard choices <= maxChoices else {
                throw ScenarioError("the line's '{a|b}' alternatives make more than \(maxChoices) combinations", at: location)
            }
        }
    }

    /// The text between `{` at `open` and the next `}`, and the index after the `}`.
    private static func braced(_ text: Substring, openingAt open: Substring.Index, at location: SourceLocation) throws(ScenarioError) -> (Substring, Substring.Index) {
        let start = text.index(after: open)
        guard let close = text[start...].firstIndex(of: "}") else {
            throw ScenarioError("'{' is not closed by '}' (write '\\{' for a literal brace)", at: location)
        }
        return (text[start..<close], text.index(after: close))
    }

    /// `{kind}`, `{name:kind}` or `{one|other}`; nil for an IMAP literal announcement such as
    /// `{342}` or `{5+}`, which is expected as written.
    private static func pattern(_ body: Substring, at location: SourceLocation) throws(ScenarioError) -> Segment? {
        let digits = body.hasSuffix("+") ? body.dropLast() : body
        if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) { return nil }
        // No wildcard kind holds a '|', so '{a|b}' was an unknown pattern before it meant "a or b".
        if body.contains("|") {
            let choices = body.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard !choices.contains(where: \.isEmpty) else {
                throw ScenarioError("'{\(body)}' has an empty alternative: write the texts between '|', e.g. '{NO|BAD}'", at: location)
            }
            return .alternatives(choices)
        }
        return .wildcard(try wildcard(body, at: location))
    }

    /// `{kind}` or `{name:kind}`.
    private static func wildcard(_ body: Substring, at location: SourceLocation) throws(ScenarioError) -> Wildcard {
        let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let kindText = parts.count == 2 ? parts[1] : parts[0]
        guard let kind = WildcardKind(rawValue: String(kindText)) else {
            let kinds = WildcardKind.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
            throw ScenarioError("unknown pattern '{\(body)}': use \(kinds), {name:kind} to capture, or {one|other} for alternatives", at: location)
        }
        guard parts.count == 2 else { return Wildcard(kind: kind) }
        guard VariableName.isValid(parts[0]) else {
            throw ScenarioError("'\(parts[0])' in '{\(body)}' is not a variable name", at: location)
        }
        return Wildcard(kind: kind, capture: String(parts[0]))
    }
}

enum VariableName {
    static func isValid(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
