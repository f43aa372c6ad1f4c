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

    /// After an `@needs` exchange: when its reply did not match (and broke no grammar rule,
    /// which stays a failure), the step is marked unmet and the scenario is skipped, saying
    /// what it needed and what came instead.
    ///
    /// After an `@should` exchange: when its reply did not match (and broke no grammar rule),
    /// the step is marked warned and the scenario ends with a warning quoting the recommendation;
    /// under `--strict` it stays the failure it is.
    @inline(never)
    func outcome(ofUnmet obligation: Exchange.Obligation) -> ReplayOutcome? {
        guard let index = steps.indices.last, steps[index].status == .failed, let mismatch = steps[index].mismatch,
              !steps[index].findings.contains(where: failing) else { return nil }
        let got = mismatch.actualLine.flatMap { steps[index].actual.indices.contains($0) ? steps[index].actual[$0] : nil }
        let what = "\(mismatch.message)\(got.map { " (got \($0))" } ?? "")"
        switch obligation {
        case .must:
            return nil
        case .precondition(let needed):
            markLastStep(.unmet)
            return ReplayOutcome(status: .skipped, reason: "\(steps[index].location): needs \(needed): \(what)")
        case .should(let sentence):
            guard !options.strict else { return nil }
            markLastStep(.warned)
            return ReplayOutcome(status: .warned, reason: "\(steps[index].location): SHOULD \(sentence): \(what)")
        }
    }

    /// An `@needs` exchange whose reply did not come within the read timeout — an IDLE update
    /// from a server that looks at its store only now and then (RFC 2177 lets it): there is
    /// nothing to judge, so the scenario is skipped, not failed. The scenario's own timeout
    /// still fails it.
    @inline(never)
    func outcome(ofUnanswered obligation: Exchange.Obligation, _ error: Error, at location: SourceLocation?) -> ReplayOutcome? {
        guard case .precondition(let needed) = obligation, let error = error as? ConnectionError, error.kind == .readTimeout,
              !connections.timedOut else { return nil }
        transcript.event("error: \(error)", on: current)
        return ReplayOutcome(status: .skipped, reason: "\(location.map { "\($0): " } ?? "")needs \(needed): \(error)")
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
            // Not getting a session at all is a connection error; losing one midway is the server's
            // failure. A certificate this side does not trust is the run's setup wherever it comes
            // (after STARTTLS too): the documented exit code 2, not a verdict on the server.
            guard hasConnected else { return ReplayOutcome(status: .error, reason: error.description) }
            return ReplayOutcome(status: error.kind == .certificate ? .error : .failed, reason: place + error.description)
        case let error as UndefinedVariable:
            var reason = place + error.description
            if error.name == "apop_digest" { reason += " (the greeting carries no APOP timestamp, RFC 1939 §7)" }
            return ReplayOutcome(status: .failed, reason: reason)
        default:
            return ReplayOutcome(status: .failed, reason: place + "\(error)")
        }
    }
}
