import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario

/// Walks a scenario's steps on one protocol dialect and turns the walk into an outcome.
struct ScenarioReplay<Dialect: ReplayDialect> {
    var dialect: Dialect
    let context: ReplayContext

    mutating func run(_ scenario: Scenario) async -> ReplayOutcome {
        var outcome = await replay(scenario.steps)
        await context.connections.closeAll()
        outcome.steps = context.steps
        outcome.transcript = context.transcript.lines
        return outcome
    }

    private mutating func replay(_ steps: [ScenarioStep]) async -> ReplayOutcome {
        var index = 0
        var location: SourceLocation?
        do {
            while index < steps.count {
                switch steps[index] {
                case .connect(let name, let at):
                    location = at
                    context.current = name
                    var greeting: Exchange?
                    if index + 1 < steps.count, case .exchange(let next) = steps[index + 1], next.command == nil {
                        greeting = next
                        index += 1
                    }
                    try await dialect.connect(greeting: greeting, at: at, context)
                case .use(let name, _):
                    context.current = name
                case .set(let name, let value, _):
                    context.bindings.set(name, to: value)
                case .sleep(let seconds, let at):
                    location = at
                    do {
                        try await Task.sleep(for: .seconds(seconds))
                    } catch {
                        throw ReplayFailure("interrupted during @sleep")
                    }
                case .authenticate(let mechanism, let at):
                    location = at
                    try await dialect.authenticate(mechanism, at: at, context)
                case .exchange(let exchange):
                    location = exchange.location
                    guard dialect.isOpen(context.current) else {
                        throw ReplayFailure("connection '\(context.current)' is not open")
                    }
                    try await dialect.perform(exchange, context)
                }
                if let failed = context.steps.last, failed.status == .failed {
                    let why = failed.mismatch?.message ?? failed.findings.first(where: context.failing)?.summary ?? "failed"
                    return ReplayOutcome(status: .failed, reason: "\(failed.location): \(why)")
                }
                index += 1
            }
            return ReplayOutcome(status: .passed)
        } catch {
            return outcome(for: error, at: location)
        }
    }

    private mutating func outcome(for error: Error, at location: SourceLocation?) -> ReplayOutcome {
        let place = location.map { "\($0): " } ?? ""
        if context.connections.timedOut {
            context.connections.observer?.failed(ConnectionError(.readTimeout, endpoint: context.target.endpoint,
                                                     "scenario timed out after \(context.options.scenarioTimeout)"))
            return ReplayOutcome(status: .failed, reason: "\(place)scenario timed out after \(context.options.scenarioTimeout)")
        }
        switch error {
        case let error as ConnectionError:
            context.transcript.event("error: \(error)", on: context.current)
            context.connections.observer?.failed(error)
            // Not getting a session at all is a connection error; losing one midway is the server's failure.
            return context.hasConnected ? ReplayOutcome(status: .failed, reason: place + error.description)
                             : ReplayOutcome(status: .error, reason: error.description)
        case let error as UndefinedVariable:
            var reason = place + error.description
            if error.name == "apop_digest" { reason += " (the greeting carries no APOP timestamp, RFC 1939 §7)" }
            return ReplayOutcome(status: .failed, reason: reason)
        default:
            return ReplayOutcome(status: .failed, reason: place + "\(error)")
        }
    }
}

/// A step that cannot go on, in one line (the server refused authentication, a literal was
/// not accepted, a password would have been sent in clear).
struct ReplayFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
