import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// Compares the responses an IMAP command drew with the `S:` lines written for it.
///
/// Untagged expectations (`S: * …`, `S?: * …`, `S!: * …`) match untagged responses in any
/// order, each response used at most once; `S: + …` matches a continuation request; any other
/// line is the tagged completion, matched after the tag (or whole, if it starts with `${tag}`).
/// Patterns match by meaning (`LinePattern.matchIMAP`) the whole response, literals inline; a
/// pattern that ends in a literal's `{n}`, or has `L:` lines under it, sees the first line, and
/// the `L:` lines the literal it announces.
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
        var verdict = ReplyVerdict(actualLines: PackedLines(received.map(\.firstLine)))
        let readings = Readings(received)
        var used = Set<Int>()
        var scope = bindings
        for (index, line) in expected.enumerated() {
            let found: Int?
            var captures: [String: String] = [:]
            switch role(of: line) {
            case .untagged where line.presence != .forbidden && line.pattern?.counted != nil:
                if let problem = try countedMismatch(line, readings, &used, scope) {
                    verdict.mismatch = Mismatch(expectedLine: index, actualLine: nil, message: problem)
                    return verdict
                }
                continue
            case .untagged:
                found = try untagged(received, unused: used).first { candidate in
                    guard let matched = try match(line, candidate, readings, scope) else { return false }
                    captures = matched
                    return true
                }
                if let found, line.presence != .forbidden { used.insert(found) }
            case .continuation:
                found = try received.indices.first { candidate in
                    guard received[candidate].firstLine.first == UInt8(ascii: "+"), let matched = try match(line, candidate, readings, scope) else { return false }
                    captures = matched
                    return true
                }
            case .completion:
                guard let tag, let completion = received.firstIndex(where: { $0.tag == tag }) else {
                    verdict.mismatch = Mismatch(expectedLine: index, actualLine: nil, message: "no tagged completion for the command")
                    return verdict
                }
                // The tag stays on the response, so the normaliser reads the status word in its place.
                if let matched = try match(line, completion, readings, prefix: Self.writesTag(tag, line) ? "" : "\(tag) ", scope) {
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
                    try line.pattern?.matchIMAP(readings.firstLine(candidate), scope) != nil
                }
                verdict.mismatch = Mismatch(expectedLine: index, actualLine: literalDiffers ?? closest(to: line, in: received, unused: used),
                                            message: literalDiffers == nil
                    ? "no response matched '\(line.source)'"
                    : "'\(line.source)' matched, but the content of its literal differs from the lines written for it (see the transcript)")
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

    /// The untagged responses no expectation has taken yet.
    private static func untagged(_ received: [IMAPReceived], unused used: Set<Int>) -> [Int] {
        received.indices.filter { !used.contains($0) && received[$0].firstLine.first == UInt8(ascii: "*") }
    }

    /// The unused untagged response most like an expectation nothing matched, for the diff to
    /// point at: the one sharing the longest start with the pattern's text before its first
    /// wildcard (`* 3 FETCH` for `* 3 FETCH (FLAGS (\Seen))`), nil when none shares a word.
    private static func closest(to line: ExpectedLine, in received: [IMAPReceived], unused used: Set<Int>) -> Int? {
        guard let pattern = line.pattern, case .literal(let text)? = pattern.segments.first else { return nil }
        let wanted = Array(text.utf8).map(IMAPCharacterClass.upper)
        var best: (index: Int, shared: Int)?
        for candidate in untagged(received, unused: used) {
            let shared = zip(wanted, received[candidate].firstLine.map(IMAPCharacterClass.upper)).prefix { $0 == $1 }.count
            if shared > (best?.shared ?? 2) { best = (candidate, shared) }
        }
        return best?.index
    }

    /// A counted line (`S: * {k:number in 1..${n}} FETCH {*}`) takes every response it matches,
    /// one per number of its range; what is wrong with the numbers they carry, or nil: one
    /// missing (for `S:`) or given twice.
    private static func countedMismatch(_ line: ExpectedLine, _ readings: Readings, _ used: inout Set<Int>,
                                        _ bindings: Bindings) throws -> String? {
        guard let pattern = line.pattern, let (name, range) = pattern.counted else { return nil }
        var seen: [Int: Int] = [:]
        for candidate in untagged(readings.received, unused: used) {
            guard let matched = try match(line, candidate, readings, bindings), let number = matched[name].flatMap({ Int($0) }) else { continue }
            used.insert(candidate)
            seen[number, default: 0] += 1
        }
        let (lower, upper) = (try range.lower.number(in: bindings), try range.upper.number(in: bindings))
        let twice = seen.filter { $0.value > 1 }.keys.sorted()
        // A range of a million numbers with most missing is named by its first few.
        let missing = line.presence == .required && lower <= upper ? (lower...upper).lazy.filter { seen[$0] == nil }.prefix(11).map { $0 } : []
        guard !missing.isEmpty || !twice.isEmpty else { return nil }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("none for " + listed(missing)) }
        if !twice.isEmpty { parts.append("more than one for " + listed(twice)) }
        return "'\(line.source)' stands for one response per number of \(lower)..\(upper): " + parts.joined(separator: "; ")
    }

    private static func listed(_ numbers: [Int]) -> String {
        numbers.prefix(10).map(String.init).joined(separator: ", ") + (numbers.count > 10 ? " and more" : "")
    }

    /// Whether a completion line is written with the command's tag in front, as `${tag}` or as
    /// the tag itself (`S: a001 OK …` after `C: a001 LOGIN …` or `C: [a001] LOGIN …`): then it
    /// is matched whole, else with the tag put in front.
    static func writesTag(_ tag: String, _ line: ExpectedLine) -> Bool {
        switch line.pattern?.segments.first {
        case .variable("tag")?: true
        case .literal(let text)?: text.hasPrefix(tag + " ") || text == tag
        default: false
        }
    }

    /// The whole response against the pattern; or, for a pattern that ends in a literal's `{n}` or
    /// has `L:` lines, the first line against the pattern and the literal's lines against the `L:` lines.
    private static func match(_ line: ExpectedLine, _ index: Int, _ readings: Readings, prefix: String = "",
                              _ bindings: Bindings) throws -> [String: String]? {
        guard let pattern = line.pattern else { return nil }
        guard !line.literal.isEmpty || pattern.endsInLiteralAnnouncement else {
            return try pattern.matchIMAP(readings.whole(index), prefix: prefix, bindings)
        }
        guard var captures = try pattern.matchIMAP(readings.firstLine(index), prefix: prefix, bindings) else { return nil }
        guard !line.literal.isEmpty else { return captures }
        guard let literal = readings.received[index].literal else { return nil }
        var scope = bindings
        scope.merge(captures)
        let lines = TranscriptRecorder.splitLines(Array(literal)).map(Array.init)
        guard case .matched(let more) = try LinesMatcher.match(line.literal, lines, scope) else { return nil }
        captures.merge(more) { _, newer in newer }
        return captures
    }
}

/// Each response of a reply read once for all its expectations: whole (literals inline), and
/// by its first line, for a pattern that ends in a literal's announcement.
private final class Readings {
    let received: [IMAPReceived]
    private var wholes: [Int: IMAPResponseReading] = [:]
    private var firstLines: [Int: IMAPResponseReading] = [:]

    init(_ received: [IMAPReceived]) {
        self.received = received
    }

    func whole(_ index: Int) -> IMAPResponseReading {
        Self.reading(index, in: &wholes) { received[index].withoutLineEnding }
    }

    func firstLine(_ index: Int) -> IMAPResponseReading {
        Self.reading(index, in: &firstLines) { received[index].firstLine[...] }
    }

    private static func reading(_ index: Int, in kept: inout [Int: IMAPResponseReading],
                                _ bytes: () -> ArraySlice<UInt8>) -> IMAPResponseReading {
        if let reading = kept[index] { return reading }
        let reading = IMAPResponseReading(bytes())
        kept[index] = reading
        return reading
    }
}

extension IMAPReceived {
    /// The response, literals and all, without the CRLF that ends it.
    var withoutLineEnding: ArraySlice<UInt8> {
        frame.last == 10 ? frame.dropLast(frame.dropLast().last == 13 ? 2 : 1)[...] : frame[...]
    }
}
