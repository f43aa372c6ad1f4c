import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// Replays scenarios against one target. The one place where expectations meet replies:
/// `run`, `check` and `bench` all go through it, so they check exactly the same things.
/// A class, so the sessions of a load run share one rather than each keeping a copy in
/// its async frames.
public final class ScenarioRunner: Sendable {
    public let target: Target
    public let options: RunnerOptions

    public init(target: Target, options: RunnerOptions = .init()) {
        self.target = target
        self.options = options
    }

    /// Replays `scenario` as `account`. Never throws: every failure is part of the result.
    /// With the server's `capabilities` known, a scenario requiring one it lacks is skipped.
    /// An `observer` sees the connections and any transport failure (load runs). Cancelling
    /// the calling task closes the replay's connections, so it ends at once. A scenario that
    /// reads seeded fixtures (`@seeded`) gets their numbers from `seeding`, or is skipped
    /// saying what it needs.
    public func run(_ scenario: Scenario, as account: Account, capabilities: Set<String>? = nil,
                    seeding: Seeding = .notRequested, observer: (any ReplayObserver)? = nil) async -> ScenarioResult {
        let identity = CaseIdentity(file: scenario.file, title: scenario.title, references: scenario.references)
        // As a capability the server lacks: the scenario cannot run as this run is set up.
        if let unresolved = options.roster.unresolved(in: scenario, forSessionOf: account) {
            return ReplayOutcome(status: .skipped, reason: unresolved).result(for: identity, account: account, duration: .zero)
        }
        if let skip = Self.precondition(scenario, target: target, capabilities: capabilities, seeding: seeding) {
            return skip.result(for: identity, account: account, duration: .zero)
        }
        return await session(identity, as: account, observer: observer) { context in
            if !scenario.seeds.isEmpty, case .delivered(let seeded) = seeding {
                for (name, value) in seeded.bindings { context.bindings.set(name, to: value) }
            }
            var replay = ScenarioReplay(dialect: Self.dialect(for: scenario.mailProtocol), context: context)
            return await replay.run(scenario.steps, finally: scenario.cleanup)
        }
    }

    /// One replay of any kind, scenario or scripted: its connections, its deadline, and what
    /// it recorded, stamped with `identity`. The timeout is a timer, not a task racing the
    /// replay: a load run holds thousands of sessions and each task costs memory. Cancelling
    /// the calling task closes the replay's connections, so it ends at once.
    func session(_ identity: CaseIdentity, as account: Account, observer: (any ReplayObserver)?,
                 _ body: (ReplayContext) async -> ReplayOutcome) async -> ScenarioResult {
        let start = ContinuousClock.now
        let connections = OpenConnections(observer: observer)
        let deadline = LoopTimer(after: options.scenarioTimeout) { connections.abandon(timedOut: true) }
        let context = ReplayContext(target: target, options: options, account: account, connections: connections)
        var outcome = await withTaskCancellationHandler {
            await body(context)
        } onCancel: {
            connections.abandon(timedOut: false)
        }
        await connections.closeAll()
        deadline.cancel()
        outcome.steps = context.steps
        outcome.transcript = context.transcript.lines
        options.logger.info("\(identity.file): \(outcome.status.rawValue)\(outcome.reason.map { " — \($0)" } ?? "")")
        return outcome.result(for: identity, account: account, duration: start.duration(to: .now))
    }

    private static func dialect(for mailProtocol: MailProtocol) -> any ReplayDialect {
        switch mailProtocol {
        case .pop3: POP3Dialect()
        case .imap: IMAPDialect()
        }
    }

    private static func precondition(_ scenario: Scenario, target: Target, capabilities: Set<String>?, seeding: Seeding) -> ReplayOutcome? {
        guard scenario.mailProtocol == target.mailProtocol else {
            return ReplayOutcome(status: .error, reason: "the scenario is for \(scenario.mailProtocol.rawValue) but the target is \(target)")
        }
        let missing = scenario.requirements.filter { !(capabilities?.contains($0) ?? true) }
        guard missing.isEmpty else {
            return ReplayOutcome(status: .skipped, reason: "the server does not advertise \(missing.joined(separator: ", "))")
        }
        if !scenario.seeds.isEmpty, let unavailable = seeding.unavailable(for: scenario.seeds) {
            return ReplayOutcome(status: .skipped, reason: unavailable)
        }
        return nil
    }
}

/// What a replay produced, before it is stamped with the scenario's identity.
struct ReplayOutcome: Sendable {
    var status: ScenarioResult.Status
    var reason: String?
    var steps: [StepResult] = []
    var transcript: [TranscriptLine] = []

    func result(for identity: CaseIdentity, account: Account, duration: Duration) -> ScenarioResult {
        ScenarioResult(
            file: identity.file, title: identity.title, references: identity.references, account: account.user,
            status: status, reason: reason, steps: steps, transcript: transcript, durationSeconds: duration.seconds)
    }
}

/// What a result is about: a scenario file, or a probe written in code (`probes/<name>`).
package struct CaseIdentity: Sendable {
    package var file: String
    package var title: String
    /// Where the rules it checks are written down.
    package var references: [String]

    package init(file: String, title: String, references: [String]) {
        self.file = file
        self.title = title
        self.references = references
    }
}
