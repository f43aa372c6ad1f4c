import MailGaugeReport
import MailGaugeResult
import Testing

/// The terminal diff lists the expected lines, then the actual ones, each with its differing
/// line marked: untagged responses match in any order, so no row pairs an expectation with the
/// response that happens to share its position.
struct TextReportDiffTests {
    @Test func expectedAndActualAreListedApartWithTheirOwnMarks() {
        let step = StepResult(location: "x.scn:4", connection: "main", command: "A1 FETCH 1:3 (FLAGS)", status: .failed,
                              expected: ["* 3 FETCH (FLAGS (\\Seen))", "* 1 FETCH {*}", "OK {*}"],
                              actual: ["* 1 FETCH (FLAGS ())", "* 3 FETCH (FLAGS ())", "A1 OK done"],
                              mismatch: Mismatch(expectedLine: 0, actualLine: 1, message: "no response matched '* 3 FETCH (FLAGS (\\Seen))'"),
                              findings: [], latencySeconds: 0)
        let result = ScenarioResult(file: "x.scn", title: "x", references: [], account: "u", status: .failed, reason: "r",
                                    steps: [step], transcript: [], durationSeconds: 0)
        let lines = TextReport.render(result).split(separator: "\n").map { String($0) }
        let marked = lines.filter { $0.hasPrefix("     > ") }
        #expect(marked == ["     > expected: * 3 FETCH (FLAGS (\\Seen))", "     > actual:   * 3 FETCH (FLAGS ())"], "\(lines)")
        #expect(lines.contains("       expected: OK {*}"))
        #expect(lines.contains("       actual:   * 1 FETCH (FLAGS ())"))
    }
}
