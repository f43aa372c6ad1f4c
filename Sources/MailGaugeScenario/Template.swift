/// A `C:` line: literal text with `${name}` substitutions.
public struct Template: Sendable, Equatable {
    public var segments: [Segment]
    public var location: SourceLocation

    /// The empty template: a literal's `C+:` continuation when none is written.
    static func empty(at location: SourceLocation) -> Template {
        Template(segments: [], location: location)
    }

    private init(segments: [Segment], location: SourceLocation) {
        self.segments = segments
        self.location = location
    }

    init(_ text: Substring, at location: SourceLocation) throws(ScenarioError) {
        self.segments = try SegmentLexer.lex(text, patterns: false, at: location)
        self.location = location
    }

    /// The line with every variable replaced by its value.
    public func render(_ bindings: Bindings) throws(UndefinedVariable) -> String {
        var line = ""
        for segment in segments {
            switch segment {
            case .literal(let text): line += text
            case .variable(let name):
                guard let value = bindings[name] else { throw UndefinedVariable(name: name) }
                line += value
            case .expression(let expression):
                line += try expression.text(in: bindings)
            case .wildcard, .alternatives: preconditionFailure("the lexer makes no patterns in templates")
            }
        }
        return line
    }

    /// The first word, upper-cased: the command verb, used to name steps and latencies.
    public var verb: String {
        guard case .literal(let text)? = segments.first else { return "" }
        return String(text.prefix { $0 != " " }).uppercased()
    }
}
