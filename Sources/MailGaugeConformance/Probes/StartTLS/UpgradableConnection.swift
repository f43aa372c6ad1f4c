import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// What the STARTTLS probes need of a POP3 or IMAP connection, so each probe is written once
/// for both protocols (RFC 2595 §4 for STLS, RFC 9051 §6.2.1 for STARTTLS).
protocol UpgradableConnection {
    var name: String { get }
    /// `STLS` or `STARTTLS`, as capability lists name it.
    var startTLSCapability: String { get }
    /// A harmless command to pipeline after the upgrade command, complete with CRLF.
    var pipelinedCommand: String { get }
    /// The capabilities the server lists now (CAPA, CAPABILITY), upper-cased.
    func listCapabilities() async throws -> Set<String>
    /// The capabilities the greeting listed (IMAP's `[CAPABILITY …]` code), upper-cased.
    var greetingCapabilities: Set<String> { get }
    /// STLS / STARTTLS with `pipelining` in the same write, then the TLS handshake.
    func upgrade(pipelining: String) async throws
    func login() async throws
    /// Sends the upgrade command where it must be refused; true when the server accepted it.
    func startTLSAccepted() async throws -> Bool
    func unsolicitedBytes(within window: Duration) async throws -> [UInt8]?
    func close() async
}

extension ProbeContext {
    /// A plain connection to the target for a STARTTLS probe, TLS set up but not started.
    /// Skips when the target is TLS from the first byte or the server does not offer the upgrade.
    func plainSession() async throws -> any UpgradableConnection {
        guard target.security != .implicitTLS else {
            throw ScriptSkipped("the target uses implicit TLS; \(target.mailProtocol == .pop3 ? "STLS" : "STARTTLS") is for plain connections")
        }
        let connection: any UpgradableConnection = switch target.mailProtocol {
        case .pop3: try await replay.openPOP3(login: false, upgradable: true)
        case .imap: try await replay.openIMAP(login: false, upgradable: true)
        }
        guard try await connection.listCapabilities().contains(connection.startTLSCapability) else {
            await connection.close()
            throw ScriptSkipped("the server does not advertise \(connection.startTLSCapability)")
        }
        return connection
    }

    /// Carries out the upgrade; a handshake that fails on our side (the certificate is not
    /// trusted, TLS cannot be set up) means the probe could not test, never a verdict on the server.
    func upgrade(_ connection: any UpgradableConnection, pipelining: String) async throws {
        do {
            try await connection.upgrade(pipelining: pipelining)
        } catch let error as ConnectionError where error.kind == .certificate {
            throw ScriptSkipped("could not test: \(error.description)")
        }
    }
}

extension POP3ScriptedConnection: UpgradableConnection {
    var startTLSCapability: String { "STLS" }
    var greetingCapabilities: Set<String> { [] }
    var pipelinedCommand: String { "CAPA\r\n" }

    func listCapabilities() async throws -> Set<String> { try await capabilities() }

    func upgrade(pipelining: String) async throws { try await startTLS(pipelining: pipelining) }

    func startTLSAccepted() async throws -> Bool {
        try await command("STLS", expecting: .err).status == .ok
    }
}

extension IMAPScriptedConnection: UpgradableConnection {
    var startTLSCapability: String { "STARTTLS" }
    var greetingCapabilities: Set<String> { Set(greeting.response?.capabilities?.map { $0.uppercased() } ?? []) }
    var pipelinedCommand: String { "x1 CAPABILITY\r\n" }

    func listCapabilities() async throws -> Set<String> { try await capabilities() }

    func upgrade(pipelining: String) async throws { try await startTLS(pipelining: pipelining) }

    func startTLSAccepted() async throws -> Bool {
        let responses = try await command("STARTTLS", expecting: nil)
        let status = responses.last?.response?.status
        if status == .ok { return true }
        if status != .bad && status != .no { throw ScriptFailure("\(name): STARTTLS after login got neither OK, NO nor BAD") }
        return false
    }
}
