import NIOCore
import NIOPosix

/// An action run once after a delay on an event loop unless cancelled first: a deadline
/// that costs a timer entry rather than a task of its own, which matters with ten thousand
/// sessions each holding one.
public struct LoopTimer: Sendable {
    private let scheduled: Scheduled<Void>

    public init(after delay: Duration, _ action: @escaping @Sendable () -> Void) {
        scheduled = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .nanoseconds(delay.nanoseconds), action)
    }

    public func cancel() {
        scheduled.cancel()
    }

    /// `Task.sleep` on an event loop's timer. Called from a task on a loop's executor (see
    /// `EventLoopExecutor`), it wakes on that loop's own thread; `Task.sleep` would wake a
    /// pool thread first, which hands the task back to the loop: two thread switches per
    /// sleep, what an open model pays for every arrival. Throws `CancellationError` when
    /// the task is cancelled.
    public static func sleep(until deadline: ContinuousClock.Instant) async throws {
        try await sleep(for: ContinuousClock.now.duration(to: deadline))
    }

    public static func sleep(for delay: Duration) async throws {
        // `any()` is the calling thread's own loop when it runs on one.
        let scheduled = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .nanoseconds(max(0, delay.nanoseconds))) {}
        do {
            try await withTaskCancellationHandler {
                try await scheduled.futureResult.get()
            } onCancel: {
                scheduled.cancel()
            }
        } catch {
            throw CancellationError()
        }
    }
}
