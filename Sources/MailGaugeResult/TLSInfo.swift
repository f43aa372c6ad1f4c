/// The TLS a session negotiated with the server (implicit TLS or after STARTTLS / STLS).
public struct TLSInfo: Sendable, Codable, Equatable {
    /// As TLS names it: `TLSv1.2`, `TLSv1.3`.
    public var version: String
    /// nil when the server presented none, or it could not be read.
    public var certificate: CertificateInfo?

    public init(version: String, certificate: CertificateInfo? = nil) {
        self.version = version
        self.certificate = certificate
    }
}
