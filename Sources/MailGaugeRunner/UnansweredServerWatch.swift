import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import Synchronization

/// Ends a check or run in seconds when the server has stopped answering, instead of letting every
/// remaining case wait out its read timeout (an hour for the IMAP suites). It sees the
/// transport failure each case ended on, as the replays' observer; after `limit` cases in a
/// row ended on one that says nobody answers (a read timeout, a connection refused, timed out
/// or unreachable), it asks a new connection for the greeting and capabilities. Only when that
/// fails too is the server taken for gone: the cases left are recorded as not run, saying why.
/// A server that still answers (a few cases that time out on their own) goes on being checked.
package final class UnansweredServerWatch: ReplayObserver {
    private let forward: (any ReplayObserver)?
    private let limit: Int
    private let state = Mutex(State())

    private struct State {
        /// The failure the current case ended on, if it says nobody answers.
        var unanswered: ConnectionError?
        var inARow = 0
        var gone: String?
    }

    package init(forwardingTo forward: (any ReplayObserver)?, limit: Int = 3) {
        self.forward = forward
        self.limit = limit
    }

    /// Why the cases left are not run, once the server is taken for gone.
    package var gone: String? { state.withLock { $0.gone } }

    /// After each case: counts it, and after `limit` unanswered in a row, checks on `runner`
    /// whether a new connection is answered.
    private func caseEnded(on runner: ScenarioRunner) async {
        let last: ConnectionError? = state.withLock { state in
            defer { state.unanswered = nil }
            state.inARow = state.unanswered == nil ? 0 : state.inARow + 1
            return state.inARow >= limit ? state.unanswered : nil
        }
        guard let last else { return }
        let survey = await CapabilityProbe.survey(runner, account: nil)
        state.withLock { state in
            if survey.result.status == .passed {
                state.inARow = 0
            } else {
                state.gone = "not run: the server stopped answering: \(limit) cases in a row ended on \"\(last)\", "
                    + "and a new connection got \(survey.result.reason ?? "no greeting")"
            }
        }
    }

    /// `scenario` replayed on `runner` under this watch and counted; once the server is taken
    /// for gone, recorded as not run instead.
    package func replay(_ scenario: Scenario, on runner: ScenarioRunner, as account: Account, capabilities: Set<String>?,
                        seeding: Seeding = .notRequested) async -> ScenarioResult {
        await watch(CaseIdentity(file: scenario.file, title: scenario.title, references: scenario.references), on: runner, as: account) { observer in
            await runner.run(scenario, as: account, capabilities: capabilities, seeding: seeding, observer: observer)
        }
    }

    /// Any case (a probe) run by `body` with this watch as its observer, and counted; once the
    /// server is taken for gone, recorded as not run instead.
    package func watch(_ identity: CaseIdentity, on runner: ScenarioRunner, as account: Account,
                       _ body: (any ReplayObserver) async -> ScenarioResult) async -> ScenarioResult {
        if let gone {
            return NotRun(reason: gone).result(identity.file, title: identity.title, references: identity.references, account: account)
        }
        let result = await body(self)
        await caseEnded(on: runner)
        return result
    }

    package func opened(_ connection: Connection) { forward?.opened(connection) }

    package func failed(_ error: ConnectionError) {
        if [.readTimeout, .refused, .connectTimeout, .unreachable].contains(error.kind) {
            state.withLock { $0.unanswered = error }
        }
        forward?.failed(error)
    }

    package func greeted(_ greeting: @autoclosure () -> String, on connection: Connection) { forward?.greeted(greeting(), on: connection) }

    package func listed(capabilities: @autoclosure () -> [String], on connection: Connection) { forward?.listed(capabilities: capabilities(), on: connection) }
}

/// Why a case was recorded without running it: the server stopped answering, or `--max-time` was spent.
package struct NotRun: Error {
    package var reason: String

    package init(reason: String) {
        self.reason = reason
    }

    package func result(_ file: String, title: String, references: [String], account: Account) -> ScenarioResult {
        ReplayOutcome(status: .error, reason: reason)
            .result(for: CaseIdentity(file: file, title: title, references: references), account: account, duration: .zero)
    }
}
