import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// Compares a decoded POP3 reply with the `S:` lines written for it.
///
/// The first expected line is the status line; if more follow, they are the unstuffed
/// content lines and the last is the `.` terminator (the parser guarantees that shape).
enum POP3ReplyMatcher {
    static func compare(_ expected: [ExpectedLine], with reply: POP3Response, _ bindings: Bindings) throws(UndefinedVariable) -> ReplyVerdict {
        var actualLines: PackedLines = [reply.statusLine]
        if let body = reply.body {
            actualLines.append(contentsOf: body)
            actualLines.append(".".utf8)
        }
        var verdict = ReplyVerdict(actualLines: actualLines)
        guard let statusPattern = expected.first?.pattern else { return verdict }
        guard let statusCaptures = try statusPattern.match(reply.statusLine, bindings) else {
            verdict.mismatch = Mismatch(expectedLine: 0, actualLine: 0, message: "the status line differs")
            return verdict
        }
        verdict.captures = statusCaptures
        guard expected.count > 1 else { return verdict }
        guard let body = reply.body else {
            verdict.mismatch = Mismatch(expectedLine: 1, actualLine: nil, message: "expected a multi-line reply, got a single line")
            return verdict
        }
        var extended = bindings
        extended.merge(statusCaptures)
        switch try LinesMatcher.match(Array(expected.dropFirst().dropLast()), body.map(Array.init), extended) {
        case .matched(let captures):
            verdict.captures.merge(captures) { _, newer in newer }
        case .mismatched(let expectedIndex, let actualIndex):
            let message: String
            switch (expectedIndex, actualIndex) {
            case (nil, let actual?): message = "the reply has more content lines than expected, from content line \(actual + 1)"
            case (_?, nil): message = "the reply's content ended before the expected lines did"
            default: message = "content line \((actualIndex ?? 0) + 1) differs"
            }
            // Content starts at index 1 of both the expected and the actual lines.
            verdict.mismatch = Mismatch(expectedLine: expectedIndex.map { $0 + 1 } ?? expected.count - 1,
                                        actualLine: actualIndex.map { $0 + 1 }, message: message)
        }
        return verdict
    }
}
