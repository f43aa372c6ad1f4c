import Foundation
import MailGaugeResult
import MailGaugeRunner
import NIOConcurrencyHelpers

/// Runs a load plan: many concurrent replays of one scenario through the one `ScenarioRunner`,
/// so a load run checks exactly what `mailgauge run` checks, and turns them into a `LoadResult`.
///
/// Sessions are Swift tasks run on SwiftNIO's event loops (one per core), never threads; their
/// number is bounded by the model. `interrupt()` (SIGINT) cuts the run short and still
/// yields a result, its interrupted sessions counted apart.
public final class LoadEngine: Sendable {
    public let plan: LoadPlan
    private let progress: ProgressReporter?
    private let running = NIOLockedValueBox<(budget: RunBudget?, work: Task<Void, Never>?)>((nil, nil))
    private let server = ServerInfoRecorder()

    public init(plan: LoadPlan, progress: ProgressReporter? = nil) {
        self.plan = plan
        self.progress = progress
    }

    /// What the server said about itself in the first session that got that far; nil before
    /// any session was greeted.
    public var serverInfo: ServerInfo? { server.serverInfo }

    /// Stops starting sessions and cuts those in flight short.
    public func interrupt() {
        stop(.interrupt)
    }

    public func run() async -> LoadResult {
        let plan = self.plan
        let start = ContinuousClock.now
        let startedAt = Date()
        let measuredFrom = start + plan.warmup
        let budget = RunBudget(iterations: plan.iterations, startDeadline: plan.duration.map { measuredFrom + $0 })
        let aggregator = LoadAggregator(measuredFrom: measuredFrom)
        let session = sessionRunner(budget: budget, aggregator: aggregator)
        let scheduler = self.scheduler
        let work = Task { await scheduler.run(from: start, budget: budget, session: session) }
        running.withLockedValue { $0 = (budget, work) }
        let watchdog = Task { [weak self] in
            if (try? await Task.sleep(for: plan.hardCap)) != nil { self?.stop(.hardCap) }
        }
        let reporter = progress.map { progress in
            Task { await progress.run(aggregator, since: start, total: plan.duration.map { $0 + plan.warmup }) }
        }
        await work.value
        watchdog.cancel()
        reporter?.cancel()
        await reporter?.value
        let finished = ContinuousClock.now
        return result(aggregator.snapshot(), budget: budget, startedAt: startedAt, start: start, finished: finished)
    }

    private var scheduler: any LoadScheduler {
        switch plan.model {
        case .closed(let sessions, let thinkTime): ClosedModelScheduler(workers: sessions, thinkTime: thinkTime, ramp: plan.ramp)
        case .open(let rate, let maxInFlight): OpenModelScheduler(ratePerSecond: rate, maxInFlight: maxInFlight, ramp: plan.ramp)
        }
    }

    private func stop(_ reason: LoadStopReason) {
        let (budget, work) = running.withLockedValue { $0 }
        budget?.stop(reason)
        work?.cancel()
    }

    /// One session: replays the scenario as the next account (fully checked or lean, as the
    /// sampler says) and files its measurement.
    private func sessionRunner(budget: RunBudget, aggregator: LoadAggregator) -> @Sendable (Int, ContinuousClock.Instant) async -> Void {
        let plan = self.plan
        let verbs = ScenarioVerbs(plan.scenario)
        let sampler = CheckSampler(mode: plan.check)
        // No load session keeps a transcript (the figures never show one; a failure's
        // reason and example do); lean sessions do not check the grammar either.
        var checkedOptions = plan.runner.options
        checkedOptions.recordsTranscript = false
        let checked = ScenarioRunner(target: plan.runner.target, options: checkedOptions)
        var leanOptions = checkedOptions
        leanOptions.checksGrammar = false
        let lean = ScenarioRunner(target: plan.runner.target, options: leanOptions)
        let fromDue = if case .open = plan.model { true } else { false }
        let server = self.server
        return { index, due in
            aggregator.sessionStarted()
            let started = ContinuousClock.now
            let probe = SessionProbe(server: server)
            let runner = sampler.isChecked(index) ? checked : lean
            let result = await runner.run(plan.scenario, as: plan.accounts[index % plan.accounts.count], observer: probe)
            let ended = ContinuousClock.now
            if result.status != .passed, budget.isCuttingShort {
                aggregator.sessionInterrupted()
                return
            }
            aggregator.sessionEnded(SessionMeasurement(
                result: result, meters: probe.meters, transport: probe.failure, verbs: verbs,
                latency: (fromDue ? due : started).duration(to: ended), ended: ended))
        }
    }

    private func result(_ figures: LoadAggregator.Figures, budget: RunBudget, startedAt: Date,
                        start: ContinuousClock.Instant, finished: ContinuousClock.Instant) -> LoadResult {
        let usage = ResourceUsage.current()
        let ended = figures.sessions.measured + figures.sessions.warmup + figures.sessions.interrupted
        let measured = max(0, (start + plan.warmup).duration(to: finished).seconds)
        return LoadResult(
            scenario: plan.scenario.file, model: plan.resultModel, check: plan.check,
            measuredFrom: startedAt.addingTimeInterval(plan.warmup.seconds), measuredSeconds: measured,
            stoppedBy: budget.stopReason ?? .iterations, sessions: figures.sessions,
            phases: figures.latencies.phaseDistributions, commands: figures.latencies.commandDistributions,
            series: figures.series.samples, errors: figures.errors,
            generator: GeneratorUsage(cpuSeconds: usage.cpuSeconds,
                                      cpuSecondsPer1000Sessions: ended == 0 ? 0 : usage.cpuSeconds * 1000 / Double(ended),
                                      peakRSSBytes: usage.peakRSSBytes, peakActiveSessions: figures.peakActive))
    }
}
