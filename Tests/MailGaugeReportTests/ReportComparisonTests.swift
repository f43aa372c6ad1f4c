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

@Suite struct LoadComparisonTests {
    private func scaled(latency: Double, passed: Int, failed: Int = 0) -> RunResult {
        var result = ReportFixture.extended
        var load = result.load!
        for (name, var distribution) in load.phases {
            distribution.percentiles.p50 = UInt64(Double(distribution.percentiles.p50) * latency)
            distribution.percentiles.p99 = UInt64(Double(distribution.percentiles.p99) * latency)
            load.phases[name] = distribution
        }
        load.commands = [:]
        load.sessions = SessionCounts(passed: passed, failed: failed)
        result.load = load
        return result
    }

    @Test func slowerPercentilesAndLowerThroughputAreRegressions() {
        let comparison = ReportComparison(base: scaled(latency: 1, passed: 1000), new: scaled(latency: 1.5, passed: 800, failed: 10))
        #expect(comparison.loadRegressions.map(\.name) == ["p50 session", "p99 session", "throughput", "error rate"])
        let table = comparison.render()
        #expect(table.contains("p99 session            1.20 ms       1.80 ms       +50.0% REGRESSION"))
        #expect(table.contains("4 load regressions"))
    }

    @Test func changesWithinTheAllowanceAreNotRegressions() {
        let comparison = ReportComparison(base: scaled(latency: 1, passed: 1000), new: scaled(latency: 1.05, passed: 950),
                                          maxLatencyIncrease: 10, maxThroughputDrop: 10)
        #expect(comparison.loadRegressions.isEmpty)
        #expect(comparison.loadChanges.count == 4)
    }
}
