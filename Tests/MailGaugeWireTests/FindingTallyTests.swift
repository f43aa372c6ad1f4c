import MailGaugeWire
import Testing

struct FindingTallyTests {
    private func finding(_ rule: String, _ severity: Finding.Severity = .violation) -> Finding {
        Finding(rule: rule, reference: "RFC 0 §0", severity: severity, message: "m", bytes: [1])
    }

    @Test func keepsTheFirstOfEachRuleInOrderAndCountsTheRest() {
        var tally = FindingTally(perRule: 2)
        for rule in ["a", "b", "a", "a", "b", "c", "a"] { tally.add(finding(rule, rule == "a" ? .warning : .violation)) }
        let findings = tally.findings
        #expect(findings.map(\.rule) == ["a", "b", "a", "b", "c", "a"])
        #expect(findings.last?.message == "2 more findings of this rule in the same reply, not listed")
        #expect(findings.last?.severity == .warning)
        #expect(findings.last?.reference == "RFC 0 §0")
    }

    @Test func theSummaryCarriesTheWorstSeverityCounted() {
        var tally = FindingTally(perRule: 1)
        tally.add([finding("a", .warning), finding("a", .warning), finding("a", .violation)])
        #expect(tally.findings.map(\.severity) == [.warning, .violation])
    }

    @Test func aFindingKeepsTheFirstBytesOfALongLine() {
        let long = Finding(rule: "r", reference: "x", message: "m", bytes: [UInt8](repeating: 65, count: 100_000))
        #expect(long.bytes.count == Finding.maxBytes)
    }
}
