import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario

/// How a replay ends, from the steps it recorded or the error that stopped it: shared by
/// scenario replays and scripted ones (probes), so both give the same verdicts.
extension ReplayContext {
    /// The first failed step recorded from index `first` on, as the outcome; `otherwise` when none failed.
    @inline(never)
    func outcome(ofStepsFrom first: Int, otherwise: ReplayOutcome) -> ReplayOutcome {
        guard let failed = steps[first...].first(where: { $0.status == .failed }) else { return otherwise }
        let why = failed.mismatch?.message ?? failed.findings.first(where: failing)?.summary ?? "failed"
        return ReplayOutcome(status: .failed, reason: "\(failed.location): \(why)")
    }

    @inline(never)
    func outcome(for error: Error, at location: SourceLocation?) -> ReplayOutcome {
        let place = location.map { "\($0): " } ?? ""
        if connections.timedOut {
            connections.observer?.failed(ConnectionError(.readTimeout, endpoint: target.endpoint,
                                                     "scenario timed out after \(options.scenarioTimeout)"))
            return ReplayOutcome(status: .failed, reason: "\(place)scenario timed out after \(options.scenarioTimeout)")
        }
        switch error {
        case let error as ConnectionError:
            transcript.event("error: \(error)", on: current)
            connections.observer?.failed(error)
            // Not getting a session at all is a connection error; losing one midway is the server's failure.
            return hasConnected ? ReplayOutcome(status: .failed, reason: place + error.description)
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
