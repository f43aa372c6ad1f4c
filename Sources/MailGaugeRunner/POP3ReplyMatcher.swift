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
        let content = expected.indices.dropFirst().dropLast()
        let lines = body.map(Array.init)
        // `S!:` lines: no content line may match one, wherever it stands.
        for index in content where expected[index].presence == .forbidden {
            guard let pattern = expected[index].pattern else { continue }
            for (number, line) in lines.enumerated() where try pattern.match(line, extended) != nil {
                verdict.mismatch = Mismatch(expectedLine: index, actualLine: number + 1,
                                            message: "content line \(number + 1) is one the scenario forbids ('\(expected[index].source)')")
                return verdict
            }
        }
        // The rest in order, each `S?:` line there or not; a mismatch is named by its place among all the lines.
        let ordered = content.filter { expected[$0].presence != .forbidden }
        switch try LinesMatcher.match(ordered.map { expected[$0] }, lines, extended) {
        case .matched(let captures):
            verdict.captures.merge(captures) { _, newer in newer }
        case .mismatched(let expectedIndex, let actualIndex):
            let message: String
            switch (expectedIndex, actualIndex) {
            case (nil, let actual?): message = "the reply has more content lines than expected, from content line \(actual + 1)"
            case (_?, nil): message = "the reply's content ended before the expected lines did"
            default: message = "content line \((actualIndex ?? 0) + 1) differs"
            }
            // Content starts at index 1 of the actual lines.
            verdict.mismatch = Mismatch(expectedLine: expectedIndex.map { ordered[$0] } ?? expected.count - 1,
                                        actualLine: actualIndex.map { $0 + 1 }, message: message)
        }
        return verdict
    }
}
