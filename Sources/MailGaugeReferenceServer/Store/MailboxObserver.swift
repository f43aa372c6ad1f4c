/// A session that wants to hear when a mailbox changes (for IDLE, RFC 2177), told through
/// `notify`, which it uses to hop onto its own event loop. Holds no mailbox state itself.
struct MailboxObserver: Sendable {
    let id: Int
    let notify: @Sendable () -> Void
}
