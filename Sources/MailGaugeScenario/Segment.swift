/// A piece of a `C:` or `S:` line after lexing.
public enum Segment: Sendable, Equatable {
    /// Text sent or expected as it is.
    case literal(String)
    /// `${name}`: an account value, a `@set` value or an earlier capture.
    case variable(String)
    /// `${count - 1}`: integer arithmetic on such values.
    case expression(Expression)
    /// `{kind}` or `{name:kind}` in an `S:` line: a part of the reply that varies.
    case wildcard(Wildcard)
    /// `{NO|BAD}` in an `S:` line: any one of the texts, as written (the RFC often lets a
    /// server answer either way).
    case alternatives([String])

    /// The variables the segment reads: its name, its expression's, its bound's or range's.
    var names: [String] {
        switch self {
        case .variable(let name): [name]
        case .expression(let expression): expression.names
        case .wildcard(let wildcard): wildcard.boundNames
        case .literal, .alternatives: []
        }
    }
}

/// A part of a reply that varies from server to server, optionally captured for later lines.
public struct Wildcard: Sendable, Equatable {
    public var kind: WildcardKind
    /// The variable the matched text is stored in, if any. A bounded wildcard without a name
    /// gets one of its own, starting with `#` (no variable name does), which a match drops.
    public var capture: String?
    /// `{k:number <= ${exists}}`: the number matched must stand so to the value.
    public var bound: Bound?
    /// `{k:number in 1..${exists}}`: the number matched must lie in the range.
    public var range: NumberRange?

    public init(kind: WildcardKind, capture: String? = nil, bound: Bound? = nil, range: NumberRange? = nil) {
        self.kind = kind
        self.capture = capture
        self.bound = bound
        self.range = range
    }

    /// Names its bound or range reads.
    public var boundNames: [String] {
        (bound?.value.names ?? []) + (range.map { $0.lower.names + $0.upper.names } ?? [])
    }
}

/// How a matched number must compare with a value: `{number > 0}`, `{k:number <= ${n}}`.
public struct Bound: Sendable, Equatable {
    public enum Relation: String, Sendable, CaseIterable {
        // Two-character relations first, so `<=` is not read as `<`.
        case atMost = "<=", atLeast = ">=", unequal = "!=", below = "<", above = ">", equal = "="

        public func holds(_ left: Int, _ right: Int) -> Bool {
            switch self {
            case .atMost: left <= right
            case .atLeast: left >= right
            case .unequal: left != right
            case .below: left < right
            case .above: left > right
            case .equal: left == right
            }
        }
    }

    public var relation: Relation
    public var value: Expression

    public init(relation: Relation, value: Expression) {
        self.relation = relation
        self.value = value
    }
}

/// `{k:number in 1..${n}}`: a number in a range, both ends included. On an untagged `S:` line
/// the line is counted: it stands for one response per number of the range, each exactly once
/// (`S?:`: at most once).
public struct NumberRange: Sendable, Equatable {
    public var lower: Expression
    public var upper: Expression

    public init(lower: Expression, upper: Expression) {
        self.lower = lower
        self.upper = upper
    }
}

public enum WildcardKind: String, Sendable, CaseIterable {
    /// `{*}`: any text, possibly empty.
    case any = "*"
    /// `{number}`: one or more ASCII digits.
    case number
    /// `{atom}`: one or more octets other than space.
    case atom
}
