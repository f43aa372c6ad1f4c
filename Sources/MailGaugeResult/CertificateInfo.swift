import Foundation

/// The certificate the server presented, as a report shows it.
public struct CertificateInfo: Sendable, Codable, Equatable {
    /// RFC 4514 order and escaping, a space after each comma: `CN=localhost, O=MailGauge`.
    public var subject: String
    public var issuer: String
    public var notAfter: Date

    public init(subject: String, issuer: String, notAfter: Date) {
        self.subject = subject
        self.issuer = issuer
        self.notAfter = notAfter
    }
}
