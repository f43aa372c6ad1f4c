/// One departure of the server's bytes from the grammar behind several failed cases: the same
/// rule broken by the same bytes (numbers aside), so a report says "1 defect behind 13 cases"
/// instead of thirteen failures that look unrelated.
public struct Defect: Sendable, Codable, Equatable {
    /// The grammar rule and where it is written down, as the findings name them.
    public var rule: String
    public var reference: String
    public var message: String
    /// The offending bytes of the first case, escaped.
    public var example: String
    /// The case ids whose failure it is, in run order.
    public var cases: [String]

    public init(rule: String, reference: String, message: String, example: String, cases: [String]) {
        self.rule = rule
        self.reference = reference
        self.message = message
        self.example = example
        self.cases = cases
    }
}
