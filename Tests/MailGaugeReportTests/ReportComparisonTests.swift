import MailGaugeReport
import MailGaugeResult
import Testing

@Suite struct ReportComparisonTests {
    private func result(_ statuses: [(String, ScenarioResult.Status)]) -> RunResult {
        var result = ReportFixture.result
        result.scenarios = statuses.map { file, status in
            var scenario = ReportFixture.passed
            scenario.file = file
            scenario.status = status
            return scenario
        }
        return result
    }

    @Test func findsRegressionsAndOtherChanges() {
        let base = result([("a.scn", .passed), ("b.scn", .failed), ("c.scn", .skipped), ("gone.scn", .passed)])
        let new = result([("a.scn", .failed), ("b.scn", .passed), ("c.scn", .error), ("new.scn", .failed)])
        let comparison = ReportComparison(base: base, new: new)
        #expect(comparison.regressions.map(\.file) == ["a.scn", "c.scn", "new.scn"])
        #expect(comparison.changes.map(\.file) == ["a.scn", "b.scn", "c.scn", "gone.scn", "new.scn"])
        let table = comparison.render()
        #expect(table.contains("REGRESSION  passed   failed   a.scn"))
        #expect(table.contains("removed     passed   -        gone.scn"))
        #expect(table.hasSuffix("3 regressions, 2 other changes\n"))
    }

    @Test func identicalResultsHaveNoChanges() {
        let comparison = ReportComparison(base: ReportFixture.result, new: ReportFixture.result)
        #expect(comparison.changes.isEmpty)
        #expect(comparison.render() == "No case changed status.\n")
    }
}
