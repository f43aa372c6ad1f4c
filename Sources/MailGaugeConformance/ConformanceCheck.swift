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
    /// `--max-time`: how long the survey, cases and probes may take in all; no case runs past
    /// it (each gets at most the time left as its scenario timeout), and those left are not
    /// run. Removing seeded mail and comparing the account come after, on their own timeouts:
    /// the account is left as found however little time is left.
    public let maxTime: Duration?

    public init(target: Target, options: RunnerOptions, account: Account, seedPlan: SeedPlan? = nil, maxTime: Duration? = nil) {
        self.target = target
        self.options = options
        self.account = account
        self.seedPlan = seedPlan
        self.maxTime = maxTime
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
        // Started before the survey, which counts against it too: a survey that waits out its
        // reply timeout would otherwise put the check past --max-time by as much.
        let budget = maxTime.map { RunBudget(maxTime: $0) }
        var surveyOptions = options
        if let maxTime { surveyOptions.scenarioTimeout = min(options.scenarioTimeout, maxTime) }
        let survey = await CapabilityProbe.survey(ScenarioRunner(target: target, options: surveyOptions), account: account, snapshot: true, observer: server)
        var outcome = Outcome(results: [survey.result], setupError: survey.setupError)
        progress(survey.result)
        if survey.unreachable != nil { return outcome }
        var options = options
        options.mailboxPrefix = survey.mailboxPrefix
        let runner = ScenarioRunner(target: target, options: options)
        var seeds = seedPlan.map { SeedSession(plan: $0, options: options) }
        if survey.setupError == nil, target.mailProtocol == .pop3, seeds != nil {
            for result in await seeds!.seed(for: scenarios, on: runner, as: account, before: survey.snapshot) {
                outcome.results.append(result)
                progress(result)
            }
        }
        let watch = UnansweredServerWatch(forwardingTo: server)
        /// The options for the next case, its scenario timeout no longer than the time left; or
        /// why it is not run: `--max-time` is spent. (The watch says when the server is gone.)
        func next() -> Result<RunnerOptions, NotRun> {
            guard let budget else { return .success(options) }
            guard let left = budget.left else { return .failure(NotRun(reason: budget.spentReason)) }
            var bounded = options
            bounded.scenarioTimeout = min(options.scenarioTimeout, left)
            return .success(bounded)
        }
        if survey.setupError == nil {
            for scenario in scenarios {
                switch next() {
                case .success(let bounded):
                    outcome.results.append(await watch.replay(scenario, on: ScenarioRunner(target: target, options: bounded), as: account,
                                                              capabilities: survey.capabilities, seeding: seeds?.seeding ?? .notRequested))
                case .failure(let notRun):
                    outcome.results.append(notRun.result(scenario.file, title: scenario.title, references: scenario.references, account: account))
                }
                progress(outcome.results.last!)
            }
        }
        for probe in probes where survey.setupError == nil || !probe.logsIn {
            switch next() {
            case .success(let bounded):
                let probeRunner = ProbeRunner(target: target, options: bounded)
                outcome.results.append(await watch.watch(ProbeRunner.identity(of: probe), on: probeRunner.runner, as: account) { observer in
                    await probeRunner.run(probe, as: account, capabilities: survey.capabilities, observer: observer)
                })
            case .failure(let notRun):
                outcome.results.append(notRun.result(probe.id, title: probe.title, references: probe.references, account: account))
            }
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

/// `--max-time` as it runs down.
private struct RunBudget {
    let maxTime: Duration
    let start = ContinuousClock.now

    /// The time left, nil once it is spent.
    var left: Duration? {
        let left = maxTime - start.duration(to: .now)
        return left > .zero ? left : nil
    }

    var spentReason: String { "not run: --max-time \(maxTime) was spent on the cases before" }
}
