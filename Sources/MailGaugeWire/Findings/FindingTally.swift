/// Findings gathered from one reply, however many lines break the same rule: the first
/// `perRule` of each rule are kept, and the rest counted into one finding that says how many
/// more there were. A flood of ten million malformed lines then costs a few findings, not ten
/// million, in memory and in every report.
public struct FindingTally: Sendable {
    public let perRule: Int
    private var kept: [Finding] = []
    private var keptPerRule: [String: Int] = [:]
    /// Per rule beyond `perRule`: how many, and the worst severity among them.
    private var overflow: [String: (count: Int, severity: Finding.Severity, reference: String)] = [:]
    private var overflowOrder: [String] = []

    public init(perRule: Int = 20) {
        self.perRule = max(1, perRule)
    }

    public init(_ findings: some Sequence<Finding>, perRule: Int = 20) {
        self.init(perRule: perRule)
        add(findings)
    }

    public mutating func add(_ finding: Finding) {
        let count = keptPerRule[finding.rule, default: 0]
        guard count >= perRule else {
            keptPerRule[finding.rule] = count + 1
            kept.append(finding)
            return
        }
        if let known = overflow[finding.rule] {
            overflow[finding.rule] = (known.count + 1, max(known.severity, finding.severity), known.reference)
        } else {
            overflow[finding.rule] = (1, finding.severity, finding.reference)
            overflowOrder.append(finding.rule)
        }
    }

    public mutating func add(_ findings: some Sequence<Finding>) {
        for finding in findings { add(finding) }
    }

    public var isEmpty: Bool { kept.isEmpty }

    /// The kept findings in the order found, then one per rule that had more.
    public var findings: [Finding] {
        kept + overflowOrder.map { rule in
            let more = overflow[rule]!
            return Finding(rule: rule, reference: more.reference, severity: more.severity,
                           message: "\(more.count) more findings of this rule in the same reply, not listed", bytes: [])
        }
    }
}
