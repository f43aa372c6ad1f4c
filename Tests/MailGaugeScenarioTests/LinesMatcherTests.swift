import Testing
@testable import MailGaugeScenario

private func lines(_ patterns: [String]) throws -> [ExpectedLine] {
    try patterns.map { ExpectedLine($0 == "{...}" ? .anyLines(octetsInto: nil) : .pattern(try LinePattern(Substring($0), at: here)), at: here) }
}

private func bytes(_ lines: [String]) -> [[UInt8]] { lines.map { Array($0.utf8) } }

@Suite struct LinesMatcherTests {
    /// Three `{...}` against thousands of lines that almost match: a search exponential in the
    /// `{...}` (5,000³ steps) would not end within the limit.
    @Test(.timeLimit(.minutes(1))) func severalAnyLinesCostLinesTimesExpectations() throws {
        let expected = try lines(["{...}", "x", "{...}", "x", "{...}", "end"])
        let reply = bytes(Array(repeating: "x", count: 5_000))
        #expect(try LinesMatcher.match(expected, reply, Bindings()) == .mismatched(expected: 5, actual: nil))
        #expect(try LinesMatcher.match(expected, reply + bytes(["end"]), Bindings()) == .matched(captures: [:]))
    }

    /// Fifty thousand expected lines: matched one call deeper per line, they overflowed the
    /// stack of the thread a test (or a replay) runs on (SIGSEGV at four thousand).
    @Test func thousandsOfExpectedLinesNeedNoDeepStack() throws {
        let text = (1...50_000).map { "line \($0)" }
        let expected = try lines(text + ["{...}", "end"])
        #expect(try LinesMatcher.match(expected, bytes(text + ["x", "end"]), Bindings()) == .matched(captures: [:]))
        #expect(try LinesMatcher.match(expected, bytes(text + ["x"]), Bindings()) == .mismatched(expected: 50_001, actual: nil))
    }

    @Test func exactLinesMatch() throws {
        let outcome = try LinesMatcher.match(try lines(["a", "b"]), bytes(["a", "b"]), Bindings())
        #expect(outcome == .matched(captures: [:]))
    }

    @Test func anyLinesSkipsAsManyAsNeeded() throws {
        let expected = try lines(["Subject: {subject:*}", "{...}", "last"])
        #expect(try LinesMatcher.match(expected, bytes(["Subject: hi", "x", "y", "last"]), Bindings()) == .matched(captures: ["subject": "hi"]))
        #expect(try LinesMatcher.match(expected, bytes(["Subject: hi", "last"]), Bindings()) == .matched(captures: ["subject": "hi"]))
    }

    @Test func aCaptureIsUsableLaterInTheSameReply() throws {
        let expected = try lines(["id {n:number}", "again ${n}"])
        #expect(try LinesMatcher.match(expected, bytes(["id 7", "again 7"]), Bindings()) == .matched(captures: ["n": "7"]))
        #expect(try LinesMatcher.match(expected, bytes(["id 7", "again 8"]), Bindings()) == .mismatched(expected: 1, actual: 1))
    }

    @Test func reportsWhereTheMismatchIs() throws {
        #expect(try LinesMatcher.match(try lines(["a", "b", "c"]), bytes(["a", "x", "c"]), Bindings()) == .mismatched(expected: 1, actual: 1))
        #expect(try LinesMatcher.match(try lines(["a", "b"]), bytes(["a"]), Bindings()) == .mismatched(expected: 1, actual: nil))
        #expect(try LinesMatcher.match(try lines(["a"]), bytes(["a", "extra"]), Bindings()) == .mismatched(expected: nil, actual: 1))
    }
}
