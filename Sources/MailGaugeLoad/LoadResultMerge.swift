import Foundation
import MailGaugeResult

/// Merges the results of several `bench` processes that loaded one target at the same time
/// into the result one bigger process would have written: histograms added exactly, counts
/// and tallies summed, per-second series aligned on the clock, not on each run's own start.
public enum LoadResultMerge {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func merge(_ results: [RunResult]) throws(Failure) -> RunResult {
        guard var merged = results.first else { throw Failure(description: "nothing to merge") }
        let loads = results.compactMap(\.load)
        guard loads.count == results.count else { throw Failure(description: "every result to merge must come from mailgauge bench") }
        merged.scenarios = results.flatMap(\.scenarios)
        merged.startedAt = results.map(\.startedAt).min()!
        merged.finishedAt = results.map(\.finishedAt).max()!
        merged.commandLine = ["mailgauge", "report", "merge"] + results.map { $0.commandLine.joined(separator: " ") }
        merged.server = results.lazy.compactMap(\.server).first
        merged.load = try merge(loads)
        return merged
    }

    static func merge(_ loads: [LoadResult]) throws(Failure) -> LoadResult {
        var merged = loads[0]
        // Each process was held to its own limits; the merged run is judged afresh.
        merged.thresholds = nil
        let start = loads.map(\.measuredFrom).min()!
        merged.measuredFrom = start
        merged.measuredSeconds = loads.map { $0.measuredFrom.timeIntervalSince(start) + $0.measuredSeconds }.max()!
        merged.sessions = SessionCounts(passed: loads.map(\.sessions.passed).reduce(0, +), failed: loads.map(\.sessions.failed).reduce(0, +),
                                        interrupted: loads.map(\.sessions.interrupted).reduce(0, +), warmup: loads.map(\.sessions.warmup).reduce(0, +))
        merged.model.concurrency = loads.map(\.model.concurrency).reduce(0, +)
        merged.model.ratePerSecond = loads.compactMap(\.model.ratePerSecond).reduce(nil) { ($0 ?? 0) + $1 }
        merged.phases = try mergeDistributions(loads.map(\.phases))
        merged.commands = try mergeDistributions(loads.map(\.commands))
        merged.series = mergeSeries(loads, from: start)
        merged.errors = loads.flatMap(\.errors).reduce(into: [:]) { errors, entry in
            var tally = errors[entry.key, default: ErrorTally()]
            tally.count += entry.value.count
            tally.examples = Array((tally.examples + entry.value.examples).prefix(3))
            errors[entry.key] = tally
        }
        let sessions = merged.sessions.passed + merged.sessions.failed
        let cpu = loads.map(\.generator.cpuSeconds).reduce(0, +)
        merged.generator = GeneratorUsage(cpuSeconds: cpu, cpuSecondsPer1000Sessions: sessions == 0 ? 0 : cpu * 1000 / Double(sessions),
                                          peakRSSBytes: loads.map(\.generator.peakRSSBytes).max()!,
                                          peakActiveSessions: loads.map(\.generator.peakActiveSessions).reduce(0, +))
        return merged
    }

    private static func mergeDistributions<Key: Hashable>(_ maps: [[Key: LatencyDistribution]]) throws(Failure) -> [Key: LatencyDistribution] {
        var merged: [Key: LatencyDistribution] = [:]
        for name in Set(maps.flatMap(\.keys)) {
            do {
                merged[name] = try DistributionMerge.merge(maps.compactMap { $0[name] })
            } catch {
                throw Failure(description: "\(name): \(error)")
            }
        }
        return merged
    }

    /// Second n of a run that began k seconds after the earliest one is second n + k.
    private static func mergeSeries(_ loads: [LoadResult], from start: Date) -> [ThroughputSample] {
        var bySecond: [Int: ThroughputSample] = [:]
        for load in loads {
            let offset = Int(load.measuredFrom.timeIntervalSince(start).rounded(.down))
            for sample in load.series {
                let second = sample.second + offset
                var total = bySecond[second, default: ThroughputSample(second: second)]
                total.sessions += sample.sessions
                total.commands += sample.commands
                total.errors += sample.errors
                total.bytesIn += sample.bytesIn
                total.bytesOut += sample.bytesOut
                bySecond[second] = total
            }
        }
        return bySecond.keys.sorted().map { bySecond[$0]! }
    }
}
