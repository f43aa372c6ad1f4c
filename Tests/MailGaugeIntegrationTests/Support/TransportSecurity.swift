import MailGaugeClient
import MailGaugeWire

/// How a test reaches a private server: in the clear, upgraded by STARTTLS (STLS), or over
/// implicit TLS (RFC 8314), on the ports its environment names.
enum TransportSecurity: String, CaseIterable, Sendable {
    case plain, starttls, implicitTLS

    func target(_ mailProtocol: MailProtocol, _ environment: PrivateServer.Environment) throws -> Target {
        let (port, tlsPort) = mailProtocol == .pop3 ? (environment.pop3Port, environment.pop3sPort) : (environment.imapPort, environment.imapsPort)
        switch self {
        case .plain: return try Target(url: "\(mailProtocol.rawValue)://127.0.0.1:\(port)")
        case .starttls: return try Target(url: "\(mailProtocol.rawValue)://127.0.0.1:\(port)", startTLS: true)
        case .implicitTLS: return try Target(url: "\(mailProtocol.rawValue)s://127.0.0.1:\(tlsPort)")
        }
    }
}
