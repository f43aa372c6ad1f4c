import MailGaugeClient

/// The open model: sessions are due at a fixed arrival rate (climbing linearly over the ramp)
/// whether or not earlier ones have finished. A session is handed the instant it was due, so
/// a stalled server shows in its latency instead of silently slowing the arrivals — the
/// coordinated omission a closed loop suffers from.
///
/// Each event loop runs its own share of the arrivals (every n-th of n loops) and the
/// sessions they start: waiting for the next one and starting it then wake no other thread.
struct OpenModelScheduler: LoadScheduler {
    var ratePerSecond: Double
    var maxInFlight: Int
    var ramp: Duration

    func run(from start: ContinuousClock.Instant, budget: RunBudget,
             session: @escaping @Sendable (Int, ContinuousClock.Instant) async -> Void) async {
        let slots = SessionSlots(maxInFlight)
        let loops = EventLoopExecutor.all
        await withDiscardingTaskGroup { group in
            for (first, executor) in loops.enumerated() {
                group.addTask(executorPreference: executor) {
                    await arrivals(stride(from: first, to: Int.max, by: loops.count), on: executor, from: start,
                                   budget: budget, slots: slots, session: session)
                }
            }
        }
    }

    /// Starts a session at each arrival's due time, on `executor`, until the budget is spent
    /// or the run is cancelled.
    private func arrivals(_ numbers: StrideTo<Int>, on executor: EventLoopExecutor, from start: ContinuousClock.Instant,
                          budget: RunBudget, slots: SessionSlots,
                          session: @escaping @Sendable (Int, ContinuousClock.Instant) async -> Void) async {
        await withDiscardingTaskGroup { group in
            for arrival in numbers {
                let due = start + dueOffset(arrival)
                do { try await LoopTimer.sleep(until: due) } catch { return }
                await slots.acquire()
                guard let index = budget.take() else {
                    slots.release()
                    return
                }
                group.addTask(executorPreference: executor) {
                    await session(index, due)
                    slots.release()
                }
            }
        }
    }

    /// When arrival `k` is due: at rate `r` after the ramp, and under a linear ramp of
    /// length `T` the k-th arrival falls where `r t² / 2T = k`.
    func dueOffset(_ k: Int) -> Duration {
        let rampSeconds = ramp.seconds
        let arrivalsDuringRamp = ratePerSecond * rampSeconds / 2
        let seconds = Double(k) < arrivalsDuringRamp
            ? (2 * rampSeconds * Double(k) / ratePerSecond).squareRoot()
            : rampSeconds + (Double(k) - arrivalsDuringRamp) / ratePerSecond
        return .seconds(seconds)
    }
}
