import MailGaugeClient
import MailGaugeResult
import MailGaugeRunner

/// Runs one probe as a scripted replay of the runner and turns it into a `ScenarioResult`,
/// with the statuses scenario replays use: skipped for a missing capability or a test that
/// cannot be carried out here, error when no connection could be made at all, failed for a
/// broken rule or a session lost midway.
public struct ProbeRunner: Sendable {
    public let runner: ScenarioRunner

    public init(target: Target, options: RunnerOptions) {
        self.runner = ScenarioRunner(target: target, options: options)
    }

    /// An `observer` sees the probe's connections and transport failures, as a scenario's do.
    public func run(_ probe: any ConformanceProbe, as account: Account, capabilities: Set<String>,
                    observer: (any ReplayObserver)? = nil) async -> ScenarioResult {
        return await runner.drive(Self.identity(of: probe), as: account, observer: observer) { replay in
            guard probe.mailProtocol == runner.target.mailProtocol else {
                throw ScriptSkipped("the probe is for \(probe.mailProtocol.rawValue) but the target is \(runner.target)")
            }
            let missing = probe.requirements.filter { !capabilities.contains($0) }
            guard missing.isEmpty else { throw ScriptSkipped("the server does not advertise \(missing.joined(separator: ", "))") }
            try await probe.run(ProbeContext(replay: replay, capabilities: capabilities))
        }
    }

    static func identity(of probe: any ConformanceProbe) -> CaseIdentity {
        CaseIdentity(file: probe.id, title: probe.title, references: probe.references)
    }
}
