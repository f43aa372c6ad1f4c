import NIOCore

/// One POP3 or IMAP conversation, driven by `SessionChannelHandler` on its event loop.
protocol ProtocolSession: AnyObject {
    /// Sends the greeting.
    func start()
    /// Handles every complete command at the front of `input`, leaving a partial one in place.
    /// Returns early once the transport `isSwitching`.
    func consume(_ input: inout ByteBuffer)
    /// The connection is gone, with or without a goodbye.
    func connectionClosed()
}
