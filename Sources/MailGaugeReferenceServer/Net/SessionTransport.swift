import NIOCore

/// What a protocol session may ask of its connection. Sessions never touch the channel
/// directly, which keeps the STARTTLS choices (see `SessionChannelHandler`) in one place.
protocol SessionTransport: AnyObject {
    /// Queues bytes; they go out at the end of the current read, or on `flush()`.
    func send(_ bytes: [UInt8])
    func flush()
    /// Switches to TLS once what was queued so far has been sent (RFC 2595 §4, RFC 9051 §6.2.1).
    /// The session must stop consuming input after asking.
    func startTLS()
    /// Sends what is queued, then closes.
    func close()
    /// True when the connection is (now) encrypted.
    var isTLS: Bool { get }
    /// Stops reading commands for `delay`, then runs `resume` and reads on: a fault that holds
    /// a command open across other sessions' commands (`Fault.nonAtomicStore`).
    func pause(for delay: TimeAmount, then resume: @escaping () -> Void)
    /// True once `startTLS()`, `close()` or `pause` was asked for: the session stops reading commands.
    var isSwitching: Bool { get }
    var eventLoop: EventLoop { get }
}
