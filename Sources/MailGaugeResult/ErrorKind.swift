/// Why a load session failed, by a stable name, so runs can be compared by error counts. The
/// raw values are the keys of `LoadResult.errors`.
public enum ErrorKind: Hashable, Sendable, Comparable {
    /// The connection was refused or the host unreachable.
    case refused
    /// A connect or read timed out, or the scenario did.
    case timeout
    /// The TLS handshake failed, the certificate was not trusted, or bytes came before it.
    case tls
    /// The server closed the connection mid-session.
    case disconnect
    /// A reply broke the protocol's grammar.
    case grammar
    /// A reply did not match the scenario.
    case unexpectedReply
    /// The server refused a command: `-ERR RETR` (RFC 1939 §3), `NO LOGIN`, `BAD FETCH` (RFC 9051 §7.1).
    case refusal(status: String, verb: String)
    case other

    /// Every kind but `refusal`, by its word.
    private static let named = Dictionary(uniqueKeysWithValues: [ErrorKind.refused, .timeout, .tls, .disconnect, .grammar, .unexpectedReply, .other]
        .map { ($0.rawValue, $0) })
    private static let refusalStatuses: Set<String> = ["-ERR", "NO", "BAD"]

    public static func < (lhs: ErrorKind, rhs: ErrorKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension ErrorKind: RawRepresentable, Codable, CodingKeyRepresentable {
    // A switch, not a look-up by `==`: RawRepresentable's `==` compares raw values, so a
    // look-up would call itself.
    public var rawValue: String {
        switch self {
        case .refused: "refused"
        case .timeout: "timeout"
        case .tls: "tls"
        case .disconnect: "disconnect"
        case .grammar: "grammar"
        case .unexpectedReply: "unexpected-reply"
        case .other: "other"
        case .refusal(let status, let verb): "\(status) \(verb)"
        }
    }

    public init?(rawValue: String) {
        if let named = Self.named[rawValue] {
            self = named
            return
        }
        let words = rawValue.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2, Self.refusalStatuses.contains(words[0]) else { return nil }
        self = .refusal(status: words[0], verb: words[1])
    }
}
