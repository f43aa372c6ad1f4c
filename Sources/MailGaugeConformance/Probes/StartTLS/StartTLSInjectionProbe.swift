import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// STLS / STARTTLS plaintext command injection (CVE-2011-0411): a command pipelined after the
/// upgrade command, in the same TCP segment, arrived in clear and must be discarded, never
/// answered inside TLS as if it had come through it (RFC 2595 §4, RFC 9051 §6.2.1, RFC 3207 §6).
public struct StartTLSInjectionProbe: ConformanceProbe {
    public let mailProtocol: MailProtocol
    public init(_ mailProtocol: MailProtocol) { self.mailProtocol = mailProtocol }

    public var id: String { "probes/\(mailProtocol.rawValue)-starttls-injection" }
    public var title: String { "A command pipelined after \(mailProtocol == .pop3 ? "STLS" : "STARTTLS") is not answered inside TLS" }
    public var logsIn: Bool { false }
    public var references: [String] { ["RFC 2595 §4", "RFC 9051 §6.2.1", "CVE-2011-0411"] }

    public func run(_ context: ProbeContext) async throws {
        try await probe(try await context.plainSession(), context)
    }

    private func probe(_ session: any UpgradableConnection, _ context: ProbeContext) async throws {
        do {
            try await context.upgrade(session, pipelining: session.pipelinedCommand)
        } catch let error as ConnectionError where error.kind == .closed || error.kind == .tls {
            // Dropping a connection that pipelines after the upgrade command, before or during
            // the handshake, is safe: nothing is ever answered inside TLS (Dovecot does this).
            context.verify("the command pipelined in clear is not answered inside TLS", citing: "RFC 2595 §4; RFC 9051 §6.2.1",
                           holds: true, observed: ["the server ended the upgrade: \(error.detail)"], on: session.name)
            return
        }
        let answered = try await session.unsolicitedBytes(within: .seconds(2))
        context.verify("the command pipelined in clear is not answered inside TLS", citing: "RFC 2595 §4; RFC 9051 §6.2.1",
                       holds: answered?.isEmpty ?? true,
                       observed: [answered.map { $0.isEmpty ? "(connection closed)" : ByteEscaping.escape($0.prefix(200)) } ?? "(nothing within 2 s)"],
                       on: session.name)
        await session.close()
    }
}
