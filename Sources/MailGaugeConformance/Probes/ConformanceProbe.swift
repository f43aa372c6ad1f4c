import MailGaugeWire

/// A conformance check a transcript cannot express — pipelining bytes into a TLS upgrade,
/// correlating what two sessions see — written in code. Each probe cites the RFC rules it
/// checks and produces the same `ScenarioResult` a scenario does (see `ProbeRunner`).
public protocol ConformanceProbe: Sendable {
    /// Stable id for baselines and reports, `probes/<name>`.
    var id: String { get }
    var title: String { get }
    /// Where the checked rules are written down.
    var references: [String] { get }
    var mailProtocol: MailProtocol { get }
    /// Capabilities the server must advertise; without them the probe is skipped.
    var requirements: [String] { get }
    /// Whether it logs in. One that does not still runs when the account cannot be used
    /// through the target (a plain target of a server that wants TLS first).
    var logsIn: Bool { get }
    /// Runs the probe; a broken rule is a failed step, a thrown error ends it (`ScriptSkipped`:
    /// it does not apply here).
    func run(_ context: ProbeContext) async throws
}

extension ConformanceProbe {
    public var requirements: [String] { [] }
    public var logsIn: Bool { true }
}
