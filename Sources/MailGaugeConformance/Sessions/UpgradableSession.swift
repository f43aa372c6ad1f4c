import MailGaugeClient
import MailGaugeWire

/// What the STARTTLS probes need of a POP3 or IMAP session, so each probe is written once for
/// both protocols (RFC 2595 §4 for STLS, RFC 9051 §6.2.1 for STARTTLS).
protocol UpgradableSession: AnyObject {
    var name: String { get }
    var connection: Connection { get }
    /// `STLS` or `STARTTLS`, as capability lists name it.
    var startTLSCapability: String { get }
    /// A harmless command to pipeline after the upgrade command, complete with CRLF.
    var pipelinedCommand: String { get }
    /// The capabilities the server lists now (CAPA, CAPABILITY), upper-cased.
    func listCapabilities() async throws -> Set<String>
    /// STLS / STARTTLS with `pipelining` in the same write, then the TLS handshake.
    func upgrade(pipelining: String) async throws
    func login() async throws
    /// Sends the upgrade command where it must be refused; true when the server accepted it.
    func startTLSAccepted() async throws -> Bool
    func close() async
}

extension ProbeContext {
    /// A plain connection to the target for a STARTTLS probe. Skips when the target is TLS
    /// from the first byte or the server does not offer the upgrade.
    func plainSession() async throws -> any UpgradableSession {
        let session: any UpgradableSession = switch target.mailProtocol {
        case .pop3: try await POP3ProbeSession.open("main", self, upgrade: false)
        case .imap: try await IMAPProbeSession.open("main", self, upgrade: false)
        }
        guard target.security != .implicitTLS else {
            await session.close()
            throw ProbeSkipped("the target uses implicit TLS; \(session.startTLSCapability) is for plain connections")
        }
        guard try await session.listCapabilities().contains(session.startTLSCapability) else {
            await session.close()
            throw ProbeSkipped("the server does not advertise \(session.startTLSCapability)")
        }
        return session
    }
}

extension POP3ProbeSession: UpgradableSession {
    var connection: Connection { client.connection }
    var startTLSCapability: String { "STLS" }
    var pipelinedCommand: String { "CAPA\r\n" }

    func listCapabilities() async throws -> Set<String> {
        let reply = try await command("CAPA")
        return Set((reply.body ?? []).compactMap { line in
            line.split(separator: UInt8(ascii: " ")).first.map { String(decoding: $0, as: UTF8.self).uppercased() }
        })
    }

    func upgrade(pipelining: String) async throws { try await startTLS(pipelining: pipelining) }

    func startTLSAccepted() async throws -> Bool {
        try await command("STLS", expecting: .err).status == .ok
    }

    func close() async { await client.connection.close() }
}

extension IMAPProbeSession: UpgradableSession {
    var connection: Connection { client.connection }
    var startTLSCapability: String { "STARTTLS" }
    var pipelinedCommand: String { "x1 CAPABILITY\r\n" }

    func listCapabilities() async throws -> Set<String> {
        try await command("CAPABILITY")
        return capabilities
    }

    func upgrade(pipelining: String) async throws { try await startTLS(pipelining: pipelining) }

    func startTLSAccepted() async throws -> Bool {
        let responses = try await command("STARTTLS", expecting: nil)
        let status = responses.last?.response?.status
        if status == .ok { return true }
        if status != .bad && status != .no { throw ProbeFailure("\(name): STARTTLS after login got neither OK, NO nor BAD") }
        return false
    }

    func close() async { await client.connection.close() }
}
