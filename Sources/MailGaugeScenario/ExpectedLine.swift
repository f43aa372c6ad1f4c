/// One `S:` line of an expected reply.
public enum ExpectedLine: Sendable, Equatable {
    /// A line matched against a pattern.
    case line(LinePattern)
    /// `S: {...}`: any number of lines, including none (multi-line content not worth spelling out).
    case anyLines(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .line(let pattern): pattern.location
        case .anyLines(let location): location
        }
    }

    /// The line as written in the scenario.
    public var source: String {
        switch self {
        case .line(let pattern): pattern.source
        case .anyLines: "{...}"
        }
    }
}
