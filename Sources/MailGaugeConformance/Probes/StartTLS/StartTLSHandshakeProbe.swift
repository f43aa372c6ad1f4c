import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// Nothing may follow the STLS `+OK` / STARTTLS tagged `OK` before the TLS handshake: the
/// negotiation begins right after the CRLF (RFC 2595 §4, RFC 9051 §6.2.1). Bytes there would
/// be read by a naive client as if they had come through TLS.
public struct StartTLSHandshakeProbe: ConformanceProbe {
    public let mailProtocol: MailProtocol
    public init(_ mailProtocol: MailProtocol) { self.mailProtocol = mailProtocol }

    public var id: String { "probes/\(mailProtocol.rawValue)-starttls-nothing-before-handshake" }
    public var title: String { "Nothing is sent between the \(mailProtocol == .pop3 ? "STLS +OK" : "STARTTLS OK") and the TLS handshake" }
    public var logsIn: Bool { false }
    public var references: [String] { ["RFC 2595 §4", "RFC 9051 §6.2.1"] }

    public func run(_ context: ProbeContext) async throws {
        try await probe(try await context.plainSession(), context)
    }

    private func probe(_ session: any UpgradableConnection, _ context: ProbeContext) async throws {
        var extra: String?
        do {
            try await context.upgrade(session, pipelining: "")
        } catch let error as ConnectionError where error.kind == .unexpectedBytesBeforeTLS {
            extra = error.detail
        }
        context.verify("no bytes between the OK and the TLS handshake", citing: "RFC 2595 §4; RFC 9051 §6.2.1",
                       holds: extra == nil, observed: [extra ?? "the handshake started right after the OK line"], on: session.name)
        await session.close()
    }
}
