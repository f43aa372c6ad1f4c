import MailGaugeClient

/// Watches one replay from outside, for load runs: the connections it opens (whose meters
/// give TCP connect, TLS handshake and byte counts) and the transport failure that ended it,
/// so errors are counted by their stable `ConnectionError.Kind` rather than by message text.
/// `run` and `check` pass none.
public protocol ReplayObserver: Sendable {
    func opened(_ connection: Connection)
    /// The replay stopped on a transport failure; a scenario timeout arrives as `.readTimeout`.
    func failed(_ error: ConnectionError)
}
