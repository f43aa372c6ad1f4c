import Foundation
import MailGaugeReport
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario

/// Replays a list of scenarios on one runner, printing each result as it finishes: the
/// part `run` and `demo` share.
enum ScenarioBatch {
    /// Skips are decided from the server's capabilities, surveyed once when some scenario has
    /// `@requires` or speaks IMAP: the survey also reads the personal namespace, under which
    /// `${box}` is made (`INBOX.MailGauge-…` on a server that keeps mailboxes under INBOX).
    /// `server` sees the survey and every replay. A server that cannot be reached is said once
    /// here; the scenarios then record the same error each, so the reports are still written
    /// and the run exits 2. One that stops answering midway ends the run after a few scenarios
    /// (`UnansweredServerWatch`), the rest recorded as not run.
    static func run(_ scenarios: [Scenario], on runner: ScenarioRunner, as account: Account,
                    server: ServerInfoRecorder? = nil) async -> [ScenarioResult] {
        var capabilities: Set<String>?
        var runner = runner
        if scenarios.contains(where: { !$0.requirements.isEmpty || $0.mailProtocol == .imap }) {
            let survey = await CapabilityProbe.survey(runner, account: account, observer: server)
            if let unreachable = survey.unreachable {
                FileHandle.standardError.write(Data("mailgauge: \(unreachable.description)\n".utf8))
            } else {
                capabilities = survey.capabilities
                var options = runner.options
                options.mailboxPrefix = survey.mailboxPrefix
                runner = ScenarioRunner(target: runner.target, options: options)
            }
        }
        var results: [ScenarioResult] = []
        let watch = UnansweredServerWatch(forwardingTo: server)
        for scenario in scenarios {
            let result = await watch.replay(scenario, on: runner, as: account, capabilities: capabilities)
            print(TextReport.render(result), terminator: "")
            results.append(result)
        }
        return results
    }

    /// Prints the summary, writes the reports, and exits as documented: 2 if any scenario
    /// could not be carried out, 1 if any failed.
    static func finish(_ result: RunResult, reports: ReportOptions, command: String) throws {
        try report(result, reports: reports, command: command)
        if result.count(.failed) > 0 { throw CLIExit.failed.code }
    }

    /// Prints the summary line and writes the reports; exit 2 when a scenario could not be
    /// carried out. Shared with `check`, which decides failure by its baseline.
    static func report(_ result: RunResult, reports: ReportOptions, command: String) throws {
        print(TextReport.summary(result))
        try reports.write(result, command: command)
        if result.count(.error) > 0 { throw CLIExit.usage.code }
    }
}
