import MailGaugeConformance
import MailGaugeReport
import MailGaugeResult
import MailGaugeWire
import Testing

/// One server defect behind many failed cases is reported once, with the cases it failed.
struct DefectGroupingTests {
    private static let catalog = SuiteCatalog(root: "Scenarios/conformance")

    private static func failed(_ file: String, rule: String, bytes: String, severity: Finding.Severity = .violation) -> ScenarioResult {
        let finding = Finding(rule: rule, reference: "RFC 3501 §9", severity: severity, message: "expected EXPUNGE", bytes: Array(bytes.utf8))
        let step = StepResult(location: "\(file):3", connection: "main", command: "A3 EXPUNGE", status: .failed, expected: [], actual: [],
                              mismatch: nil, findings: [finding], latencySeconds: 0)
        return ScenarioResult(file: "Scenarios/conformance/\(file)", title: file, references: [], account: "u", status: .failed, reason: nil,
                              steps: [step], transcript: [], durationSeconds: 0)
    }

    @Test func theSameRuleBrokenByTheSameBytesNumbersAsideIsOneDefect() throws {
        let results = [
            Self.failed("imap/expunge.scn", rule: "message-data", bytes: "* 6 EXPUNGED\r\n"),
            Self.failed("imap/move.scn", rule: "message-data", bytes: "* 9 EXPUNGED\r\n"),
            Self.failed("imap/copy.scn", rule: "message-data", bytes: "* 9 EXPUNGED\r\n"),
            Self.failed("imap/id.scn", rule: "response-data", bytes: "* ID\r\n"),
            Self.failed("imap/close.scn", rule: "message-data", bytes: "* 6 EXPUNGED\r\n", severity: .warning),
        ]
        let defects = DefectGrouping.defects(in: results, in: Self.catalog)
        #expect(defects.count == 1)
        let defect = try #require(defects.first)
        #expect(defect.rule == "message-data" && defect.cases == ["imap/expunge.scn", "imap/move.scn", "imap/copy.scn"])
        #expect(defect.example == #"* 6 EXPUNGED\r\n"#)

        var summary = ConformanceSummary(suites: ["imap4rev1"], baseline: nil, newFailures: defect.cases + ["imap/id.scn"],
                                         acceptedFailures: [], staleEntries: [])
        summary.defects = defects
        let text = ConformanceText.summary(summary)
        #expect(text.contains(#"1 defect behind 3 cases: message-data (RFC 3501 §9): expected EXPUNGE: "* 6 EXPUNGED\r\n""#), "\(text)")
        #expect(text.contains("  imap/expunge.scn, imap/move.scn, imap/copy.scn\n"))
    }

    @Test func aFailureOfItsOwnIsNoDefectGroup() {
        let results = [Self.failed("imap/expunge.scn", rule: "message-data", bytes: "* 6 EXPUNGED\r\n"),
                       Self.failed("imap/id.scn", rule: "response-data", bytes: "* ID\r\n")]
        #expect(DefectGrouping.defects(in: results, in: Self.catalog).isEmpty)
    }
}
