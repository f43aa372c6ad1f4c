/// One expected line of a reply: `S:` (must appear), `S?:` (may appear), `S!:` (must not appear).
public struct ExpectedLine: Sendable, Equatable {
    public enum Match: Sendable, Equatable {
        /// A line matched against a pattern.
        case pattern(LinePattern)
        /// `{...}`: any number of lines, including none (content not worth spelling out);
        /// `{...:name}` also stores in `name` how many octets they take, each line with its CRLF.
        case anyLines(octetsInto: String?)
    }

    /// How an IMAP untagged expectation counts; POP3 lines are always `required`.
    public enum Presence: String, Sendable {
        case required, optional, forbidden
    }

    public var match: Match
    public var presence: Presence
    /// `L:` lines under an IMAP reply line: the content of the literal that line announces.
    public var literal: [ExpectedLine]
    public var location: SourceLocation

    public init(_ match: Match, presence: Presence = .required, literal: [ExpectedLine] = [], at location: SourceLocation) {
        self.match = match
        self.presence = presence
        self.literal = literal
        self.location = location
    }

    public var pattern: LinePattern? {
        if case .pattern(let pattern) = match { pattern } else { nil }
    }

    /// The line as written in the scenario, without its `S:` prefix.
    public var source: String {
        switch match {
        case .pattern(let pattern): pattern.source
        case .anyLines(let name): name.map { "{...:\($0)}" } ?? "{...}"
        }
    }
}
