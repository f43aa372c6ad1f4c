/// The status indicator that opens every POP3 response line (RFC 1939 §3).
public enum POP3Status: String, Sendable, Codable {
    case ok = "+OK"
    case err = "-ERR"
}
