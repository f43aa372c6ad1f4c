import Foundation
import MailGaugeConformance
import MailGaugeReport
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario

/// Runs conformance suites on one target and prints them as they finish: what `check` and
/// `demo` share.
enum ConformanceBatch {
    /// Failures print with the last lines of their transcript, not all of it.
    static let transcriptTail = 12

    static func run(_ check: ConformanceCheck, suites: [SuiteName], catalog: SuiteCatalog,
                    baseline: Baseline?, baselineFile: String?) async throws -> RunResult {
        let files = catalog.scenarioFiles(suites)
        guard !files.isEmpty else { throw usageFailure("\(catalog.root): no conformance scenarios (run from the repository, or give --suites)") }
        let scenarios: [Scenario]
        do {
            scenarios = try ScenarioFiles.load(files)
        } catch {
            throw usageFailure("\(error)")
        }
        let startedAt = Date()
        let server = ServerInfoRecorder()
        let outcome = await check.run(scenarios, probes: catalog.probes(suites), server: server) { result in
            print(ConformanceText.line(result, id: catalog.caseID(of: result.file), transcriptTail: transcriptTail), terminator: "")
        }
        var summary = (baseline ?? Baseline(entries: [])).compare(outcome.results, in: catalog, suites: suites, file: baselineFile)
        let defects = DefectGrouping.defects(in: outcome.results, in: catalog)
        summary.defects = defects.isEmpty ? nil : defects
        return RunResult(tool: ToolInfo(version: MailGaugeCommand.version), commandLine: CommandLine.arguments,
                         target: check.target.description, server: server.serverInfo, startedAt: startedAt, finishedAt: Date(),
                         scenarios: outcome.results, conformance: summary,
                         stop: RunStop(reason: outcome.setupError == nil ? .completed : .setupError, detail: outcome.setupError),
                         account: outcome.account)
    }

    /// Prints the summary, writes the reports, and exits as documented: 2 when the target could
    /// not be used or a case could not be carried out at all (the reports are written first,
    /// saying why), 1 on a new failure or a stale baseline entry.
    static func finish(_ result: RunResult, reports: ReportOptions) throws {
        if let summary = result.conformance { print(ConformanceText.summary(summary), terminator: "") }
        if result.stop?.reason == .setupError, let detail = result.stop?.detail {
            FileHandle.standardError.write(Data("mailgauge: \(detail)\n".utf8))
        }
        try ScenarioBatch.report(result, reports: reports, command: "check")
        if result.conformance?.passed == false { throw CLIExit.failed.code }
    }
}
