import MailGaugeResult
import NIOConcurrencyHelpers

/// Hands out session numbers while the run may still start sessions, and remembers what
/// stopped it. Schedulers ask it before every session; nobody else decides when to stop.
final class RunBudget: Sendable {
    private struct State {
        var issued = 0
        var stop: LoadStopReason?
    }

    private let state = NIOLockedValueBox(State())
    private let iterations: Int?
    private let startDeadline: ContinuousClock.Instant?

    init(iterations: Int?, startDeadline: ContinuousClock.Instant?) {
        self.iterations = iterations
        self.startDeadline = startDeadline
    }

    /// The next session's number, or nil when no more may start.
    func take() -> Int? {
        let now = ContinuousClock.now
        return state.withLockedValue { state in
            if state.stop != nil { return nil }
            if let startDeadline, now >= startDeadline { state.stop = .duration; return nil }
            if let iterations, state.issued >= iterations { state.stop = .iterations; return nil }
            defer { state.issued += 1 }
            return state.issued
        }
    }

    /// Stops starting sessions; the first reason given is kept.
    func stop(_ reason: LoadStopReason) {
        state.withLockedValue { if $0.stop == nil { $0.stop = reason } }
    }

    var stopReason: LoadStopReason? { state.withLockedValue { $0.stop } }

    /// Whether sessions still running are being cut short.
    var isCuttingShort: Bool { stopReason == .interrupt || stopReason == .hardCap }
}
