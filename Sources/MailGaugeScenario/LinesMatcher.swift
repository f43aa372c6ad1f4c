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

    /// A depth-first search over (expected line, actual line), longest `{...}` first. A point
    /// that failed once fails again with the same captures behind it, so it is remembered:
    /// several `{...}` against a long reply cost expected × actual line matches at most, not
    /// a search exponential in the number of `{...}`.
    private struct Search {
        let expected: [ExpectedLine]
        let actual: [[UInt8]]
        var furthest = (expected: 0, actual: 0)
        private var failed: Set<Point> = []
        /// For a `{...}` line: the lowest actual line from which it is known to fail with those
        /// captures. Starting later only skips to fewer lines, so it fails too, and starting
        /// earlier need only try the skips below that line.
        private var anyLinesFailFrom: [Start: Int] = [:]

        init(expected: [ExpectedLine], actual: [[UInt8]]) {
            self.expected = expected
            self.actual = actual
        }

        private struct Point: Hashable {
            var expected: Int
            var actual: Int
            var captured: [String: String]
        }

        /// A `{...}` line with the captures behind it, wherever in the reply it starts.
        private struct Start: Hashable {
            var expected: Int
            var captured: [String: String]
        }

        /// Captures from here on, or nil; `captured` holds what earlier lines of the same reply
        /// captured, which later lines may use. Required pattern lines are matched in a loop,
        /// not a call deeper each: thousands of expected lines would overflow a thread's stack.
        /// Only `{...}` and `S?:` lines, where the search branches, recurse.
        mutating func match(_ e: Int, _ a: Int, _ bindings: Bindings, captured: [String: String] = [:]) throws(UndefinedVariable) -> [String: String]? {
            var (e, a, bindings, captured) = (e, a, bindings, captured)
            var straight: [String: String] = [:]
            var passed: [Point] = []
            var found: [String: String]?
            while true {
                if (a, e) > (furthest.actual, furthest.expected) { furthest = (e, a) }
                guard e < expected.count else {
                    found = a == actual.count ? [:] : nil
                    break
                }
                let point = Point(expected: e, actual: a, captured: captured)
                guard !failed.contains(point) else { break }
                guard case .pattern(let pattern) = expected[e].match, expected[e].presence != .optional else {
                    found = try branch(at: point, bindings)
                    break
                }
                guard a < actual.count, let here = try pattern.match(actual[a], bindings) else {
                    failed.insert(point)
                    break
                }
                passed.append(point)
                bindings.merge(here)
                captured.merge(here) { _, newer in newer }
                straight.merge(here) { _, newer in newer }
                (e, a) = (e + 1, a + 1)
            }
            guard let found else {
                failed.formUnion(passed)
                return nil
            }
            return straight.merging(found) { _, newer in newer }
        }

        /// A `{...}` line or an `S?:` line at `point`, where the search branches.
        private mutating func branch(at point: Point, _ bindings: Bindings) throws(UndefinedVariable) -> [String: String]? {
            let (e, a, captured) = (point.expected, point.actual, point.captured)
            var found: [String: String]?
            switch expected[e].match {
            case .anyLines(let octetsInto):
                let key = Start(expected: e, captured: captured)
                let knownToFail = anyLinesFailFrom[key] ?? actual.count + 1
                if a >= knownToFail { return nil }
                let next = try firstMatch(skipping: stride(from: knownToFail - 1, through: a, by: -1), from: e + 1, bindings, captured)
                if next == nil { anyLinesFailFrom[key] = a }
                found = next.map { end, captures in
                    guard let octetsInto else { return captures }
                    // Each line as sent: its octets and its CRLF.
                    let octets = actual[a..<end].reduce(0) { $0 + $1.count + 2 }
                    return captures.merging([octetsInto: String(octets)]) { _, own in own }
                }
            case .pattern(let pattern):
                // `S?:`: the match with the line is tried first, then without it.
                if a < actual.count, let here = try pattern.match(actual[a], bindings) {
                    var extended = bindings
                    extended.merge(here)
                    found = try match(e + 1, a + 1, extended, captured: captured.merging(here) { _, newer in newer })
                        .map { here.merging($0) { _, newer in newer } }
                }
                if found == nil { found = try match(e + 1, a, bindings, captured: captured) }
            }
            if found == nil { failed.insert(point) }
            return found
        }

        /// Where the run ends (the first line the next expectation matched) and the captures.
        private mutating func firstMatch(skipping candidates: StrideThrough<Int>, from e: Int, _ bindings: Bindings,
                                         _ captured: [String: String]) throws(UndefinedVariable) -> (end: Int, captures: [String: String])? {
            for end in candidates {
                if let captures = try match(e, end, bindings, captured: captured) { return (end, captures) }
            }
            return nil
        }
    }
}
