import MailGaugeClient
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario

/// Runs suites against one target: the scenarios through `ScenarioRunner` (so `check` checks
/// exactly what `run` checks) and the probes through `ProbeRunner`, skipping what needs a
/// capability the server does not advertise.
public struct ConformanceCheck: Sendable {
    public let target: Target
    public let options: RunnerOptions
    public let account: Account

    public init(target: Target, options: RunnerOptions, account: Account) {
        self.target = target
        self.options = options
        self.account = account
    }

    /// Probes the capabilities once (post-login for IMAP, RFC 9051 §6.2.3), then runs every
    /// scenario and probe, handing each result to `progress` as it finishes. `server` sees the
    /// capability probe first, then the scenarios.
    public func run(_ scenarios: [Scenario], probes: [any ConformanceProbe], server: ServerInfoRecorder? = nil,
                    progress: (ScenarioResult) -> Void = { _ in }) async throws(ConnectionError) -> [ScenarioResult] {
        let capabilities = try await CapabilityProbe.capabilities(of: target, options: options, account: account, observer: server)
        let runner = ScenarioRunner(target: target, options: options)
        let probeRunner = ProbeRunner(target: target, options: options)
        var results: [ScenarioResult] = []
        for scenario in scenarios {
            results.append(await runner.run(scenario, as: account, capabilities: capabilities, observer: server))
            progress(results.last!)
        }
        for probe in probes {
            results.append(await probeRunner.run(probe, as: account, capabilities: capabilities))
            progress(results.last!)
        }
        return results
    }
}
