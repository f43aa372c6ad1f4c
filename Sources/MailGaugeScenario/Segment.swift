/// A piece of a `C:` or `S:` line after lexing.
public enum Segment: Sendable, Equatable {
    /// Text sent or expected as it is.
    case literal(String)
    /// `${name}`: an account value, a `@set` value or an earlier capture.
    case variable(String)
    /// `{kind}` or `{name:kind}` in an `S:` line: a part of the reply that varies.
    case wildcard(Wildcard)
    /// `{NO|BAD}` in an `S:` line: any one of the texts, as written (the RFC often lets a
    /// server answer either way).
    case alternatives([String])
}

/// A part of a reply that varies from server to server, optionally captured for later lines.
public struct Wildcard: Sendable, Equatable {
    public var kind: WildcardKind
    /// The variable the matched text is stored in, if any.
    public var capture: String?

    public init(kind: WildcardKind, capture: String? = nil) {
        self.kind = kind
        self.capture = capture
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
