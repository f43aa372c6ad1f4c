import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// Once TLS is active the server should stop offering the upgrade, after STARTTLS/STLS and on
/// an implicit-TLS port alike: "The server MAY advertise different capabilities and, in
/// particular, SHOULD NOT advertise the STARTTLS capability, after a successful STARTTLS
/// command" (RFC 9051 §6.2.1). A SHOULD NOT, so a departure is a warning, failing only under
/// `--strict`; POP3 has no such sentence (RFC 2595 §4 lets the list change), so there it is a
/// warning by analogy.
public struct StartTLSCapabilityProbe: ConformanceProbe {
    public let mailProtocol: MailProtocol
    public init(_ mailProtocol: MailProtocol) { self.mailProtocol = mailProtocol }

    public var id: String { "probes/\(mailProtocol.rawValue)-starttls-not-offered-after-tls" }
    public var title: String { "\(mailProtocol == .pop3 ? "CAPA" : "CAPABILITY") inside TLS no longer offers the upgrade" }
    public var logsIn: Bool { false }
    public var references: [String] { ["RFC 9051 §6.2.1", "RFC 2595 §4", "RFC 8314 §3.3"] }

    public func run(_ context: ProbeContext) async throws {
        let connection: any UpgradableConnection
        let how: String
        var capabilities: Set<String> = []
        if context.target.security == .implicitTLS {
            connection = try await context.replay.openUpgradable()
            how = "on the implicit-TLS port"
            // There the greeting itself comes through TLS, and its capability list counts too.
            capabilities = connection.greetingCapabilities
        } else {
            connection = try await context.plainSession()
            try await context.upgrade(connection, pipelining: "")
            how = "after \(connection.startTLSCapability)"
        }
        capabilities.formUnion(try await connection.listCapabilities())
        if capabilities.contains(connection.startTLSCapability) {
            let reference = mailProtocol == .imap ? "RFC 9051 §6.2.1" : "RFC 2595 §4, by analogy with RFC 9051 §6.2.1"
            context.replay.warn(Finding(rule: "\(mailProtocol.rawValue).starttls-offered-inside-tls", reference: reference, severity: .warning,
                                        message: "\(connection.startTLSCapability) is still advertised \(how), which it should not be",
                                        bytes: Array(capabilities.sorted().joined(separator: " ").utf8)),
                                observed: [capabilities.sorted().joined(separator: " ")], on: connection.name)
        } else {
            context.verify("\(connection.startTLSCapability) is not advertised \(how)", citing: "RFC 9051 §6.2.1",
                           holds: true, observed: [capabilities.sorted().joined(separator: " ")], on: connection.name)
        }
        await connection.close()
    }
}

extension ScriptedReplay {
    /// A connection of the target's protocol as the target opens it, not logged in.
    func openUpgradable() async throws -> any UpgradableConnection {
        switch target.mailProtocol {
        case .pop3: try await openPOP3(login: false)
        case .imap: try await openIMAP(login: false)
        }
    }
}
