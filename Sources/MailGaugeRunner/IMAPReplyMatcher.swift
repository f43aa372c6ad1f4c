import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// Compares the responses an IMAP command drew with the `S:` lines written for it.
///
/// Untagged expectations (`S: * …`, `S?: * …`, `S!: * …`) match untagged responses in any
/// order, each response used at most once; `S: + …` matches a continuation request; any other
/// line is the tagged completion, matched after the tag (or whole, if it starts with `${tag}`).
/// Patterns see a response's first line; `L:` lines under one see the literal it announces.
enum IMAPReplyMatcher {
    enum Role { case untagged, continuation, completion }

    static func role(of line: ExpectedLine) -> Role {
        if line.source.hasPrefix("*") { return .untagged }
        if line.source.hasPrefix("+") { return .continuation }
        return .completion
    }

    /// True once every required untagged expectation has a response: an unsolicited wait can stop.
    static func requiredUntaggedArrived(_ expected: [ExpectedLine], in received: [IMAPReceived], _ bindings: Bindings) throws -> Bool {
        let required = expected.filter { $0.presence == .required && role(of: $0) == .untagged }
        return try compare(required, with: received, tag: nil, bindings).mismatch == nil
    }

    static func compare(_ expected: [ExpectedLine], with received: [IMAPReceived], tag: String?, _ bindings: Bindings) throws -> ReplyVerdict {
        var verdict = ReplyVerdict(actualLines: received.map { Array($0.firstLine) })
        var used = Set<Int>()
        var scope = bindings
        for (index, line) in expected.enumerated() {
            let found: Int?
            var captures: [String: String] = [:]
            switch role(of: line) {
            case .untagged:
                found = try received.indices.first { candidate in
                    guard !used.contains(candidate), received[candidate].firstLine.first == UInt8(ascii: "*"),
                          let matched = try match(line, received[candidate], scope) else { return false }
                    captures = matched
                    return true
                }
                if let found, line.presence != .forbidden { used.insert(found) }
            case .continuation:
                found = try received.indices.first { candidate in
                    guard received[candidate].firstLine.first == UInt8(ascii: "+"), let matched = try match(line, received[candidate], scope) else { return false }
                    captures = matched
                    return true
                }
            case .completion:
                guard let tag, let completion = received.firstIndex(where: { $0.response?.tag == tag || $0.firstLine.starts(with: Array("\(tag) ".utf8)) }) else {
                    verdict.mismatch = Mismatch(expectedLine: index, actualLine: nil, message: "no tagged completion for the command")
                    return verdict
                }
                let startsWithTag = line.pattern?.segments.first == .variable("tag")
                let text = startsWithTag ? received[completion].firstLine : received[completion].firstLine.dropFirst(tag.utf8.count + 1)
                if let matched = try line.pattern?.match(Array(text), scope, quotedValues: true) {
                    found = completion
                    captures = matched
                } else {
                    verdict.mismatch = Mismatch(expectedLine: index, actualLine: completion, message: "the tagged completion differs")
                    return verdict
                }
            }
            switch (line.presence, found) {
            case (.required, nil):
                // Say so when a response has the right first line and only its literal differs:
                // the first lines alone would look like a match.
                let literalDiffers = line.literal.isEmpty ? nil : try received.indices.first { candidate in
                    try line.pattern?.match(Array(received[candidate].firstLine), scope, quotedValues: true) != nil
                }
                verdict.mismatch = Mismatch(expectedLine: index, actualLine: literalDiffers, message: literalDiffers == nil
                    ? "no response matched '\(line.source)'"
                    : "'\(line.source)' matched, but the content of its literal differs from the L: lines (see the transcript)")
                return verdict
            case (.forbidden, let found?):
                verdict.mismatch = Mismatch(expectedLine: index, actualLine: found, message: "a response the scenario forbids arrived")
                return verdict
            default:
                scope.merge(captures)
                verdict.captures.merge(captures) { _, newer in newer }
            }
        }
        return verdict
    }

    /// The first line against the pattern, and the literal's lines against the `L:` lines.
    private static func match(_ line: ExpectedLine, _ response: IMAPReceived, _ bindings: Bindings) throws -> [String: String]? {
        guard let pattern = line.pattern, var captures = try pattern.match(Array(response.firstLine), bindings, quotedValues: true) else { return nil }
        guard !line.literal.isEmpty else { return captures }
        guard let literal = response.literal else { return nil }
        var scope = bindings
        scope.merge(captures)
        let lines = TranscriptRecorder.splitLines(Array(literal)).map(Array.init)
        guard case .matched(let more) = try LinesMatcher.match(line.literal, lines, scope) else { return nil }
        captures.merge(more) { _, newer in newer }
        return captures
    }
}
