import MailGaugeClient

/// The closed model: a fixed number of workers, each starting a session as soon as its last
/// one ended (after the think time). Throughput is whatever the server allows; one task per
/// worker, never more, run on an event loop (see `EventLoopExecutor`).
struct ClosedModelScheduler: LoadScheduler {
    var workers: Int
    var thinkTime: Duration
    /// Worker `w` starts at `ramp * w / workers`.
    var ramp: Duration

    func run(from start: ContinuousClock.Instant, budget: RunBudget,
             session: @escaping @Sendable (Int, ContinuousClock.Instant) async -> Void) async {
        await withDiscardingTaskGroup { group in
            for worker in 0..<workers {
                let (think, offset) = (thinkTime, ramp * (Double(worker) / Double(workers)))
                group.addTask(executorPreference: EventLoopExecutor.forSession(worker)) {
                    do {
                        try await LoopTimer.sleep(until: start + offset)
                        while let index = budget.take() {
                            await session(index, .now)
                            if think > .zero { try await LoopTimer.sleep(for: think) }
                        }
                    } catch {
                        // Cancelled: the run was interrupted.
                    }
                }
            }
        }
    }
}
