/// Tracks the message numbers of a multi-line LIST or UIDL reply.
///
/// Each message has one listing (RFC 1939 §5, §7), so a repeated number is a violation. The
/// RFC does not require ascending order, though every example and most clients assume it,
/// so disorder is a warning.
struct POP3ListingSequence {
    private let rule: POP3Rule
    private var seen: Set<Int> = []
    private var last = 0

    init(rule: POP3Rule) {
        self.rule = rule
    }

    mutating func record(_ number: Int, line: [UInt8]) -> [Finding] {
        defer { last = number }
        if !seen.insert(number).inserted {
            return [rule.finding("message \(number) is listed more than once", line)]
        }
        if number < last {
            return [rule.finding("message \(number) is listed after message \(last)", line, severity: .warning)]
        }
        return []
    }
}
