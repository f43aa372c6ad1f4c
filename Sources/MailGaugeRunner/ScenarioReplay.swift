import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario

/// Walks a scenario's steps on one protocol dialect and turns the walk into an outcome.
///
/// Its caller collects the steps and transcript from `context` and closes the connections:
/// each async level a session passes through costs it memory for as long as it lives.
struct ScenarioReplay {
    var dialect: any ReplayDialect
    let context: ReplayContext

    /// Replays `steps`, then `cleanup` (the steps after `@finally`) whether `steps` passed or
    /// not, unless there is nothing to clean up after: no connection was made, or a timeout or
    /// cancellation cut the replay short. The first failure decides: the main part's, else the
    /// cleanup's, since leaving the account as found is part of what a scenario promises.
    mutating func run(_ steps: [ScenarioStep], finally cleanup: [ScenarioStep]) async -> ReplayOutcome {
        let outcome = await run(steps, isCleanup: false)
        guard !cleanup.isEmpty, context.hasConnected, !context.connections.isAbandoned else { return outcome }
        if outcome.status != .passed {
            // A cleanup written for a passing run picks up where its last step left off; after a
            // failure the connection may be mid-command (an IDLE still open) and is settled first.
            await dialect.settle(context)
        }
        let cleanupOutcome = await run(cleanup, isCleanup: true)
        return outcome.status == .passed ? cleanupOutcome : outcome
    }

    /// Replays `steps` in order; the outcome is their first failure. The main part stops at a
    /// failed step, as what follows would fail for the wrong reason; the cleanup goes on past
    /// one, to undo what it still can. A thrown error (a lost connection) stops either, but a
    /// variable nothing captured ends the cleanup without failing it: an `S?:` response that
    /// did not come, or a main-part step that never ran, left it nothing to act on.
    private mutating func run(_ steps: [ScenarioStep], isCleanup: Bool) async -> ReplayOutcome {
        let firstRecorded = context.steps.count
        var index = 0
        var location: SourceLocation?
        do {
            while index < steps.count {
                switch steps[index] {
                case .connect(let name, let account, let at):
                    location = at
                    try context.begin(name, as: account)
                    let greeting = Self.greeting(after: index, in: steps)
                    if greeting != nil { index += 1 }
                    try await dialect.connect(greeting: greeting, at: at, opening: context.target.security,
                                              upgrade: context.target.security == .startTLS, context)
                case .use(let name, _):
                    context.use(name)
                case .set(let name, let value, _):
                    context.bindings.set(name, to: value)
                case .sleep(let seconds, let at):
                    location = at
                    try await Self.sleep(seconds, context)
                case .assertion(let assertion):
                    location = assertion.location
                    try context.check(assertion)
                case .authenticate(let mechanism, let at):
                    location = at
                    try await dialect.authenticate(mechanism, at: at, context)
                case .exchange(let exchange):
                    location = exchange.location
                    guard dialect.isOpen(context.current) else {
                        throw ReplayFailure("connection '\(context.current)' is not open")
                    }
                    try await dialect.perform(exchange, context)
                    if let unmet = context.outcome(ofUnmet: exchange.obligation) { return unmet }
                }
                if !isCleanup, lastStepFailed() { break }
                index += 1
            }
            return context.outcome(ofStepsFrom: firstRecorded, otherwise: ReplayOutcome(status: .passed))
        } catch let undefined as UndefinedVariable where isCleanup {
            context.transcript.event("cleanup ends: \(undefined), so there is nothing it can act on", on: context.current)
            return context.outcome(ofStepsFrom: firstRecorded, otherwise: ReplayOutcome(status: .passed))
        } catch {
            // `index` is still the step that threw: an exchange's obligation says what its silence means.
            if index < steps.count, case .exchange(let exchange) = steps[index],
               let unmet = context.outcome(ofUnanswered: exchange.obligation, error, at: location) { return unmet }
            return context.outcome(ofStepsFrom: firstRecorded, otherwise: context.outcome(for: error, at: location))
        }
    }

    // The helpers below are kept out of line: inlined, their temporaries would take room in
    // `run`'s async frame, which every session of a load run keeps while it lives.

    /// The exchange with no command right after `@connect` at `index`: what the greeting must match.
    @inline(never)
    private static func greeting(after index: Int, in steps: [ScenarioStep]) -> Exchange? {
        guard index + 1 < steps.count, case .exchange(let next) = steps[index + 1], next.command == nil else { return nil }
        return next
    }

    /// `@sleep`, in slices, so the scenario's deadline (which abandons its connections) ends
    /// it as it ends a read; cancelling the run (SIGINT) ends it at once.
    @inline(never)
    private static func sleep(_ seconds: Double, _ context: ReplayContext) async throws {
        let end = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < end {
            guard !context.connections.isAbandoned else { throw ReplayFailure("the scenario's time ran out during @sleep") }
            do {
                try await Task.sleep(for: min(.milliseconds(100), ContinuousClock.now.duration(to: end)))
            } catch {
                throw ReplayFailure("interrupted during @sleep")
            }
        }
    }

    @inline(never)
    private func lastStepFailed() -> Bool {
        context.steps.last?.status == .failed
    }
}

/// A step that cannot go on, in one line (the server refused authentication, a literal was
/// not accepted, a password would have been sent in clear).
struct ReplayFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A secret (the password, the APOP digest, a SASL response) was not sent: the server forbids
/// it on this unencrypted connection. The step cannot go on, and the secret never left.
package struct SecretWithheld: Error, CustomStringConvertible {
    package var description: String
}
