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
                flushLiteral()
                segments.append(try variableOrExpression(body, at: location))
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
        // A bounded wildcard is checked on what it matched, so it needs a name: one of its own.
        for (index, segment) in segments.enumerated() {
            if case .wildcard(var wildcard) = segment, wildcard.bound != nil || wildcard.range != nil, wildcard.capture == nil {
                wildcard.capture = "#\(index)"
                segments[index] = .wildcard(wildcard)
            }
        }
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

    /// `${name}` or `${count - 1}`.
    static func variableOrExpression(_ body: Substring, at location: SourceLocation) throws(ScenarioError) -> Segment {
        if VariableName.isValid(body) { return .variable(String(body)) }
        if let expression = Expression.parse(body) { return .expression(expression) }
        throw ScenarioError("'${\(body)}' is not a variable name (letters, digits, '_' and '-', starting with a letter) or an expression such as '${count - 1}'", at: location)
    }

    /// The text between `{` at `open` and the `}` that closes it (a bound's `${n}` nests
    /// inside), and the index after the `}`.
    private static func braced(_ text: Substring, openingAt open: Substring.Index, at location: SourceLocation) throws(ScenarioError) -> (Substring, Substring.Index) {
        let start = text.index(after: open)
        var depth = 0
        var index = start
        while index < text.endIndex {
            switch text[index] {
            case "{": depth += 1
            case "}" where depth == 0: return (text[start..<index], text.index(after: index))
            case "}": depth -= 1
            default: break
            }
            index = text.index(after: index)
        }
        throw ScenarioError("'{' is not closed by '}' (write '\\{' for a literal brace)", at: location)
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

    /// `{kind}` or `{name:kind}`, and for numbers a bound or a range after a space:
    /// `{k:number <= ${n}}`, `{k:number in 1..${n}}`.
    private static func wildcard(_ text: Substring, at location: SourceLocation) throws(ScenarioError) -> Wildcard {
        let body = text.prefix { $0 != " " }
        guard body.count < text.count else { return try unbounded(body, at: location) }
        var wildcard = try unbounded(body, at: location)
        guard wildcard.kind == .number else {
            throw ScenarioError("only '{number}' takes a bound or range, as in '{k:number <= ${n}}', not '{\(text)}'", at: location)
        }
        let constraint = text.dropFirst(body.count + 1)
        if constraint.hasPrefix("in ") {
            wildcard.range = try range(constraint.dropFirst(3), in: text, at: location)
        } else {
            wildcard.bound = try bound(constraint, in: text, at: location)
        }
        return wildcard
    }

    /// `@assert ${octets} = ${size}`: two values around a relation, spaces around it.
    static func assertion(_ text: Substring, at location: SourceLocation) throws(ScenarioError) -> Assertion {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        for (index, word) in words.enumerated() {
            guard let relation = Bound.Relation(rawValue: String(word)) else { continue }
            guard let left = value(Substring(words[..<index].joined(separator: " "))),
                  let right = value(Substring(words[(index + 1)...].joined(separator: " "))) else { break }
            return Assertion(left: left, relation: relation, right: right, source: String(text), location: location)
        }
        throw ScenarioError("@assert compares two values, each a number or '${expression}', with <, <=, >, >=, = or != between spaces: '@assert ${octets} = ${size}'", at: location)
    }

    /// `1..${n}`: two values (numbers or `${expression}`) around `..`.
    private static func range(_ text: Substring, in whole: Substring, at location: SourceLocation) throws(ScenarioError) -> NumberRange {
        let problem = ScenarioError("'{\(whole)}': a range is 'in LOW..HIGH', each a number or '${expression}'", at: location)
        guard let dots = text.firstRange(of: ".."), let lower = value(text[..<dots.lowerBound].trimmingSpaces),
              let upper = value(text[dots.upperBound...].trimmingSpaces) else { throw problem }
        return NumberRange(lower: lower, upper: upper)
    }

    /// A number, or an expression in `${…}`.
    private static func value(_ text: Substring) -> Expression? {
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigit) { return Int(text).map(Expression.number) }
        guard text.hasPrefix("${"), text.hasSuffix("}") else { return nil }
        let inner = text.dropFirst(2).dropLast()
        return VariableName.isValid(inner) ? .name(String(inner)) : Expression.parse(inner)
    }

    /// `<= ${n}`, `> 0`: a relation, then an expression in `${…}` or a number.
    private static func bound(_ text: Substring, in whole: Substring, at location: SourceLocation) throws(ScenarioError) -> Bound {
        let problem = ScenarioError("'{\(whole)}': a bound is a relation (<, <=, >, >=, =, !=) and a number or '${expression}'", at: location)
        guard let relation = Bound.Relation.allCases.first(where: { text.hasPrefix($0.rawValue) }) else { throw problem }
        guard let value = value(text.dropFirst(relation.rawValue.count).trimmingSpaces) else { throw problem }
        return Bound(relation: relation, value: value)
    }

    private static func unbounded(_ body: Substring, at location: SourceLocation) throws(ScenarioError) -> Wildcard {
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

private extension Substring {
    var trimmingSpaces: Substring {
        let start = drop { $0 == " " }
        return start.dropLast(start.reversed().prefix { $0 == " " }.count)
    }
}
