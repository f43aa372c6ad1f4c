import MailGaugeClient
import MailGaugeResult
import MailGaugeRunner

/// Runs one probe and turns it into a `ScenarioResult`, with the statuses scenario replays
/// use: skipped for a missing capability, error when no connection could be made at all,
/// failed for a broken rule or a session lost midway.
public struct ProbeRunner: Sendable {
    public let target: Target
    public let options: RunnerOptions

    public init(target: Target, options: RunnerOptions) {
        self.target = target
        self.options = options
    }

    public func run(_ probe: any ConformanceProbe, as account: Account, capabilities: Set<String>) async -> ScenarioResult {
        let start = ContinuousClock.now
        let log = ProbeLog(probeID: probe.id, options: options, account: account)
        var status = ScenarioResult.Status.passed
        var reason: String?
        let missing = probe.requirements.filter { !capabilities.contains($0) }
        if !missing.isEmpty {
            status = .skipped
            reason = "the server does not advertise \(missing.joined(separator: ", "))"
        } else if probe.mailProtocol != target.mailProtocol {
            status = .error
            reason = "the probe is for \(probe.mailProtocol.rawValue) but the target is \(target)"
        } else {
            do {
                try await probe.run(ProbeContext(target: target, options: options, account: account, capabilities: capabilities, log: log))
                if let failure = log.firstFailure { (status, reason) = (.failed, failure) }
            } catch let skip as ProbeSkipped {
                (status, reason) = (.skipped, skip.description)
            } catch let error as ConnectionError where !log.hasConnected {
                (status, reason) = (.error, error.description)
            } catch {
                log.event("error: \(error)", on: "main")
                (status, reason) = (.failed, log.firstFailure ?? "\(error)")
            }
        }
        let (seconds, attoseconds) = start.duration(to: .now).components
        return ScenarioResult(file: probe.id, title: probe.title, references: probe.references, account: account.user,
                              status: status, reason: reason, steps: log.steps, transcript: log.transcript.lines,
                              durationSeconds: Double(seconds) + Double(attoseconds) / 1e18)
    }
}
