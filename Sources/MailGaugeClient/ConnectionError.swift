/// Why a connection failed, as one line that starts with `host:port`.
public struct ConnectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable names, so results can count errors by kind and be diffed across runs.
    public enum Kind: String, Sendable, Codable {
        case refused, unreachable, connectTimeout = "connect-timeout", readTimeout = "read-timeout"
        /// The handshake failed; `certificate` when it failed because our side would not trust
        /// the server's certificate (a verdict on the setup, not on the server's protocol).
        case tls, certificate = "tls-certificate", closed, tooLarge = "too-large", unexpectedBytesBeforeTLS = "bytes-before-tls", other
    }

    public var kind: Kind
    public var endpoint: String
    public var detail: String

    public init(_ kind: Kind, endpoint: String, _ detail: String) {
        self.kind = kind
        self.endpoint = endpoint
        self.detail = detail
    }

    public var description: String { "\(endpoint): \(detail)" }
}
