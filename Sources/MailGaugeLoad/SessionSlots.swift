import NIOConcurrencyHelpers

/// A counting semaphore for the open model: bounds how many sessions run at once without
/// blocking a thread; a waiting arrival suspends until a session ends.
final class SessionSlots: Sendable {
    private let state: NIOLockedValueBox<(free: Int, waiters: [CheckedContinuation<Void, Never>])>

    init(_ count: Int) {
        state = NIOLockedValueBox((count, []))
    }

    func acquire() async {
        await withCheckedContinuation { continuation in
            let granted = state.withLockedValue { state in
                guard state.free > 0 else {
                    state.waiters.append(continuation)
                    return false
                }
                state.free -= 1
                return true
            }
            if granted { continuation.resume() }
        }
    }

    func release() {
        let waiter = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.free += 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume()
    }
}
