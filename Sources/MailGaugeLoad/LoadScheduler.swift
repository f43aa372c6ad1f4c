/// Decides when sessions start. `session` gets the session's number and the instant it was
/// due, from which an open model measures its latency.
protocol LoadScheduler: Sendable {
    func run(from start: ContinuousClock.Instant, budget: RunBudget,
             session: @escaping @Sendable (_ index: Int, _ due: ContinuousClock.Instant) async -> Void) async
}
