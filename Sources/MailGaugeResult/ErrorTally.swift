/// How often one kind of error happened, with the first few occurrences as examples
/// (`account: reason`, secrets already masked by the runner).
public struct ErrorTally: Sendable, Codable, Equatable {
    public static let exampleLimit = 3

    public var count: Int
    public var examples: [String]

    public init(count: Int = 0, examples: [String] = []) {
        self.count = count
        self.examples = examples
    }

    public mutating func add(_ example: String) {
        count += 1
        if examples.count < Self.exampleLimit { examples.append(example) }
    }
}
