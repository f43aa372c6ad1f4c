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
}
