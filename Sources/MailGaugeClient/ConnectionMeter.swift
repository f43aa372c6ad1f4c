/// What a connection measured about itself: how long TCP connect and the TLS handshake took
/// and how many bytes crossed, so a load run can report per-phase figures and throughput
/// without timing anything twice.
public struct ConnectionMeter: Sendable, Equatable {
    public var tcpConnect: Duration = .zero
    /// The handshake alone (implicit TLS, or after STLS / STARTTLS was accepted); nil on a plain connection.
    public var tlsHandshake: Duration?
    public var bytesRead = 0
    public var bytesWritten = 0

    public init() {}
}
