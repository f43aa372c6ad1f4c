import MailGaugeClient
import MailGaugeScenario

/// What a protocol contributes to a replay: how to open a session, perform an exchange and
/// log in with SASL. The step loop, variables, transcript and verdicts are shared, and so is
/// every guard a dialect keeps (no secret in clear where the server forbids it, the limits):
/// scenario files and probes written in code both drive sessions through a dialect.
protocol ReplayDialect {
    /// Opens connection `context.current` as `opening` says (the target's security, or
    /// `.startTLS` for a plain connection a probe upgrades itself), reads its greeting and
    /// checks it against `greeting` (nil: grammar only), then upgrades at once if `upgrade`.
    mutating func connect(greeting: Exchange?, at location: SourceLocation, opening: Target.Security, upgrade: Bool,
                          _ context: ReplayContext) async throws
    mutating func perform(_ exchange: Exchange, _ context: ReplayContext) async throws
    mutating func authenticate(_ mechanism: String, at location: SourceLocation, _ context: ReplayContext) async throws
    /// Ends whatever a failed main part left running on the server, before `@finally`'s steps;
    /// a connection it cannot settle is closed.
    mutating func settle(_ context: ReplayContext) async
    /// Whether connection `name` is open.
    func isOpen(_ name: String) -> Bool
}
