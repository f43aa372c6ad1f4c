import MailGaugeResult

/// One latency histogram per phase and per command verb.
struct LatencyRecorder: Sendable {
    private(set) var phases: [LoadPhase: LatencyHistogram] = [:]
    private(set) var commands: [String: LatencyHistogram] = [:]

    mutating func add(_ measurement: SessionMeasurement) {
        for (phase, took) in measurement.phases { phases[phase, default: LatencyHistogram()].record(took) }
        for (verb, took) in measurement.commands { commands[verb, default: LatencyHistogram()].record(took) }
    }

    var phaseDistributions: [LoadPhase: LatencyDistribution] {
        phases.mapValues(\.distribution)
    }

    var commandDistributions: [String: LatencyDistribution] {
        commands.mapValues(\.distribution)
    }
}
