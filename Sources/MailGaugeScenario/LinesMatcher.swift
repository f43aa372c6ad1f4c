/// Matches a run of expected lines against the lines a server sent, `{...}` included.
public enum LinesMatcher {
    public enum Outcome: Sendable, Equatable {
        case matched(captures: [String: String])
        /// The furthest point the match reached before failing: the expected line that did not
        /// match (nil when the expectation ran out) and the actual line (nil when the reply ran out).
        case mismatched(expected: Int?, actual: Int?)
    }

    public static func match(_ expected: [ExpectedLine], _ actual: [[UInt8]], _ bindings: Bindings) throws(UndefinedVariable) -> Outcome {
        var search = Search(expected: expected, actual: actual)
        if let captures = try search.match(0, 0, bindings) { return .matched(captures: captures) }
        return .mismatched(
            expected: search.furthest.expected < expected.count ? search.furthest.expected : nil,
            actual: search.furthest.actual < actual.count ? search.furthest.actual : nil)
    }

    private struct Search {
        let expected: [ExpectedLine]
        let actual: [[UInt8]]
        var furthest = (expected: 0, actual: 0)

        /// Captures so far, or nil; bindings grow as lines capture, so a later line may use
        /// what an earlier line of the same reply captured.
        mutating func match(_ e: Int, _ a: Int, _ bindings: Bindings) throws(UndefinedVariable) -> [String: String]? {
            if (a, e) > (furthest.actual, furthest.expected) { furthest = (e, a) }
            guard e < expected.count else { return a == actual.count ? [:] : nil }
            switch expected[e].match {
            case .anyLines:
                for skip in stride(from: actual.count, through: a, by: -1) {
                    if let captures = try match(e + 1, skip, bindings) { return captures }
                }
                return nil
            case .pattern(let pattern):
                guard a < actual.count, let captured = try pattern.match(actual[a], bindings) else { return nil }
                var extended = bindings
                extended.merge(captured)
                guard let later = try match(e + 1, a + 1, extended) else { return nil }
                return captured.merging(later) { _, newer in newer }
            }
        }
    }
}
