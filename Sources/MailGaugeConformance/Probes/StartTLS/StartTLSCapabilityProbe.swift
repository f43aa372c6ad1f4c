import MailGaugeClient
import MailGaugeWire

/// Once TLS is active the server must stop offering the upgrade: POP3 CAPA no longer lists
/// STLS (RFC 2595 §4) and IMAP CAPABILITY no longer lists STARTTLS (RFC 9051 §6.2.1).
public struct StartTLSCapabilityProbe: ConformanceProbe {
    public let mailProtocol: MailProtocol
    public init(_ mailProtocol: MailProtocol) { self.mailProtocol = mailProtocol }

    public var id: String { "probes/\(mailProtocol.rawValue)-starttls-not-offered-after-tls" }
    public var title: String { "\(mailProtocol == .pop3 ? "CAPA" : "CAPABILITY") after TLS no longer offers the upgrade" }
    public var references: [String] { ["RFC 2595 §4", "RFC 9051 §6.2.1"] }

    public func run(_ context: ProbeContext) async throws {
        try await probe(try await context.plainSession(), context)
    }

    private func probe(_ session: any UpgradableSession, _ context: ProbeContext) async throws {
        try await session.upgrade(pipelining: "")
        let capabilities = try await session.listCapabilities()
        context.log.verify("\(session.startTLSCapability) is not advertised inside TLS", citing: "RFC 2595 §4; RFC 9051 §6.2.1",
                           holds: !capabilities.contains(session.startTLSCapability), observed: [capabilities.sorted().joined(separator: " ")],
                           on: session.name)
        await session.close()
    }
}
