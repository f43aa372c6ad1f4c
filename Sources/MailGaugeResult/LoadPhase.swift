/// The parts of a session that get a latency distribution of their own, beside each command
/// verb. The raw values are the stable keys of `LoadResult.phases`; the cases are in the order
/// a session goes through them, which is the order reports show them in.
public enum LoadPhase: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable, Comparable {
    case tcpConnect = "tcp-connect"
    case tlsHandshake = "tls-handshake"
    case greeting
    /// All the login commands of a session together (USER+PASS, APOP, LOGIN, AUTH/AUTHENTICATE).
    case authentication
    /// QUIT (RFC 1939 §6) or LOGOUT (RFC 9051 §6.1.3).
    case logout
    /// The whole session; in the open model from its intended start.
    case session

    public static func < (lhs: LoadPhase, rhs: LoadPhase) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
