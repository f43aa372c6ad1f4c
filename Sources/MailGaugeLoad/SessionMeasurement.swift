import MailGaugeClient
import MailGaugeResult

/// What one finished session contributes to the figures: latencies per phase and verb,
/// bytes, and its error, taken from the runner's result and the connections' meters.
struct SessionMeasurement: Sendable {
    var ended: ContinuousClock.Instant
    var phases: [(LoadPhase, Duration)] = []
    var commands: [(String, Duration)] = []
    var bytesIn = 0
    var bytesOut = 0
    var error: (kind: ErrorKind, example: String)?

    init(ended: ContinuousClock.Instant) {
        self.ended = ended
    }

    init(result: ScenarioResult, meters: [ConnectionMeter], transport: ConnectionError?, verbs: ScenarioVerbs,
         latency: Duration, ended: ContinuousClock.Instant) {
        self.ended = ended
        var authentication = Duration.zero
        var authenticated = false
        for meter in meters {
            phases.append((.tcpConnect, meter.tcpConnect))
            if let handshake = meter.tlsHandshake { phases.append((.tlsHandshake, handshake)) }
            bytesIn += meter.bytesRead
            bytesOut += meter.bytesWritten
        }
        for step in result.steps {
            let took = Duration.seconds(step.latencySeconds)
            switch verbs.role(at: step.location) {
            case .greeting?:
                phases.append((.greeting, took))
            case .command(let verb)?:
                commands.append((verb, took))
                if LoadPhase.authenticationVerbs.contains(verb) {
                    authentication += took
                    authenticated = true
                }
                if LoadPhase.logoutVerbs.contains(verb) { phases.append((.logout, took)) }
            case nil:
                break
            }
        }
        if authenticated { phases.append((.authentication, authentication)) }
        if let kind = ErrorClassifier.kind(of: result, transport: transport, verbs: verbs) {
            error = (kind, "\(result.account): \(result.reason ?? result.status.rawValue)")
        } else {
            phases.append((.session, latency))
        }
    }
}
