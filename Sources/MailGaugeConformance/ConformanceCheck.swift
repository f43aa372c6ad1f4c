import MailGaugeClient
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario

/// Runs suites against one target: the scenarios through `ScenarioRunner` (so `check` checks
/// exactly what `run` checks) and the probes as scripted replays on the same runner,
/// skipping what needs a capability the server does not advertise.
public struct ConformanceCheck: Sendable {
    public let target: Target
    public let options: RunnerOptions
    public let account: Account
    /// `--seed-via`: how the POP3 suite's `@seeded` cases get known content; nil skips them.
    public let seedPlan: SeedPlan?

    public init(target: Target, options: RunnerOptions, account: Account, seedPlan: SeedPlan? = nil) {
        self.target = target
        self.options = options
        self.account = account
        self.seedPlan = seedPlan
    }

    /// What a check produced: a result per case, the capability survey's first, and, when
    /// the target could not be used at all, why.
    public struct Outcome: Sendable {
        public var results: [ScenarioResult]
        /// One line, `host:port: what is wrong; what to do`; nil when the suites ran.
        public var setupError: String?
        /// Whether the account was left as found; nil when no snapshot could be taken.
        public var account: AccountCheck?
    }

    /// Surveys the capabilities once (post-login for IMAP, RFC 9051 §6.2.3) as a case of its
    /// own, then runs every scenario and probe, handing each result to `progress` as it
    /// finishes. A broken reply in the survey fails that case and the rest go on; a target
    /// that cannot be used at all (no connection, TLS required before login, the login
    /// refused) ends the check after the probes that need no login. With a `seedPlan`, the
    /// fixtures the scenarios seed are delivered before them and removed after the probes.
    /// Last, the account is compared with the snapshot the survey took (`AccountGuard`), which
    /// was before any seeding. `server` sees the survey first, then the scenarios.
    public func run(_ scenarios: [Scenario], probes: [any ConformanceProbe], server: ServerInfoRecorder? = nil,
                    progress: (ScenarioResult) -> Void = { _ in }) async -> Outcome {
        let survey = await CapabilityProbe.survey(ScenarioRunner(target: target, options: options), account: account, snapshot: true, observer: server)
        var outcome = Outcome(results: [survey.result], setupError: survey.setupError)
        progress(survey.result)
        if survey.unreachable != nil { return outcome }
        var options = options
        options.mailboxPrefix = survey.mailboxPrefix
        let runner = ScenarioRunner(target: target, options: options)
        let probeRunner = ProbeRunner(target: target, options: options)
        var seeds = seedPlan.map { SeedSession(plan: $0, options: options) }
        if survey.setupError == nil, target.mailProtocol == .pop3, seeds != nil {
            for result in await seeds!.seed(for: scenarios, on: runner, as: account, before: survey.snapshot) {
                outcome.results.append(result)
                progress(result)
            }
        }
        let watch = UnansweredServerWatch(forwardingTo: server)
        if survey.setupError == nil {
            for scenario in scenarios {
                if watch.gone == nil {
                    outcome.results.append(await runner.run(scenario, as: account, capabilities: survey.capabilities,
                                                            seeding: seeds?.seeding ?? .notRequested, observer: watch))
                    await watch.caseEnded(on: runner)
                } else {
                    outcome.results.append(watch.notRun(scenario.file, title: scenario.title, references: scenario.references, account: account))
                }
                progress(outcome.results.last!)
            }
        }
        for probe in probes where survey.setupError == nil || !probe.logsIn {
            outcome.results.append(watch.gone == nil ? await probeRunner.run(probe, as: account, capabilities: survey.capabilities)
                                   : watch.notRun(probe.id, title: probe.title, references: probe.references, account: account))
            progress(outcome.results.last!)
        }
        if let removed = await seeds?.remove(on: runner, as: account, before: survey.snapshot) {
            outcome.results.append(removed)
            progress(removed)
        }
        if let before = survey.snapshot {
            let (result, check) = await AccountGuard.compare(runner, as: account, before: before)
            outcome.results.append(result)
            outcome.account = check
            progress(result)
        }
        return outcome
    }
}
