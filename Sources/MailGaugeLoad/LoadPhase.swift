/// The parts of a session that get a latency distribution of their own, beside each
/// command verb. The raw values are the stable keys of `LoadResult.phases`.
enum LoadPhase: String, CaseIterable, Sendable {
    case tcpConnect = "tcp-connect"
    case tlsHandshake = "tls-handshake"
    case greeting
    /// All the login commands of a session together (USER+PASS, APOP, LOGIN, AUTH/AUTHENTICATE).
    case authentication
    /// QUIT (RFC 1939 §6) or LOGOUT (RFC 9051 §6.1.3).
    case logout
    /// The whole session; in the open model from its intended start.
    case session

    static let authenticationVerbs: Set<String> = ["USER", "PASS", "APOP", "AUTH", "LOGIN", "AUTHENTICATE"]
    static let logoutVerbs: Set<String> = ["QUIT", "LOGOUT"]
}
