import MailGaugeClient

/// The open model: sessions are due at a fixed arrival rate (climbing linearly over the ramp)
/// whether or not earlier ones have finished. A session is handed the instant it was due, so
/// a stalled server shows in its latency instead of silently slowing the arrivals — the
/// coordinated omission a closed loop suffers from.
struct OpenModelScheduler: LoadScheduler {
    var ratePerSecond: Double
    var maxInFlight: Int
    var ramp: Duration

    func run(from start: ContinuousClock.Instant, budget: RunBudget,
             session: @escaping @Sendable (Int, ContinuousClock.Instant) async -> Void) async {
        let slots = SessionSlots(maxInFlight)
        await withDiscardingTaskGroup { group in
            var arrival = 0
            while true {
                let due = start + dueOffset(arrival)
                do { try await Task.sleep(until: due) } catch { return }
                await slots.acquire()
                guard let index = budget.take() else {
                    slots.release()
                    return
                }
                group.addTask(executorPreference: EventLoopExecutor.forSession(index)) {
                    await session(index, due)
                    slots.release()
                }
                arrival += 1
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
