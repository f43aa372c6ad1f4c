/// The mail-access protocols MailGauge speaks.
public enum MailProtocol: String, Sendable, Codable, CaseIterable {
    case pop3
    case imap

    /// The well-known ports: plain (STARTTLS-capable) and implicit TLS (RFC 8314).
    public var defaultPort: (plain: Int, implicitTLS: Int) {
        switch self {
        case .pop3: return (110, 995)
        case .imap: return (143, 993)
        }
    }
}
