import MailGaugeClient
import MailGaugeReferenceServer
import NIOCore
import Testing

/// The STARTTLS faults, seen from a client doing the upgrade by hand on POP3 and IMAP.
struct StartTLSFaultTests {
    enum MailService: CaseIterable, Sendable {
        case pop3, imap

        func port(_ ports: ReferenceServer.Ports) -> Int { self == .pop3 ? ports.pop3 : ports.imap }
        var startTLS: String { self == .pop3 ? "STLS\r\n" : "a1 STARTTLS\r\n" }
        var pipelined: String { self == .pop3 ? "CAPA\r\n" : "a2 CAPABILITY\r\n" }
        var capability: String { self == .pop3 ? "CAPA\r\n" : "a3 CAPABILITY\r\n" }
    }

    /// Opens a plain connection and reads the greeting.
    private func connect(_ proto: MailService, _ server: RunningReferenceServer, caFile: String) async throws -> Connection {
        let target = Target(mailProtocol: proto == .pop3 ? .pop3 : .imap, host: "127.0.0.1", port: proto.port(server.ports), security: .startTLS)
        let connection = try await Connection.open(to: target, tls: TLSOptions(caFile: caFile),
                                                   timeouts: Timeouts(connect: .seconds(5), read: .seconds(1)))
        _ = try await connection.read()
        return connection
    }

    private func text(_ buffer: ByteBuffer?) -> String {
        buffer.map { String(buffer: $0) } ?? ""
    }

    /// CVE-2011-0411: a command pipelined after STARTTLS in plaintext must not be answered.
    @Test(arguments: MailService.allCases, [false, true])
    func pipelinedPlaintextIsDiscardedUnlessInjected(proto: MailService, injected: Bool) async throws {
        try await RunningServer.with(.init(faults: injected ? [.startTLSInjection] : [], threads: 1)) { server, caFile in
            let connection = try await connect(proto, server, caFile: caFile)
            try await connection.write(Array((proto.startTLS + proto.pipelined).utf8))
            _ = try await connection.read()
            try await connection.startTLS()
            var answeredOverTLS = false
            do {
                answeredOverTLS = !text(try await connection.read()).isEmpty
            } catch let error as ConnectionError where error.kind == .readTimeout {
                answeredOverTLS = false
            }
            #expect(answeredOverTLS == injected)
            await connection.close()
        }
    }

    /// RFC 2595 §4: nothing may follow the OK before the handshake.
    @Test(arguments: MailService.allCases)
    func dataAfterOKIsRefusedByTheClient(proto: MailService) async throws {
        try await RunningServer.with(.init(faults: [.dataAfterStartTLSOK], threads: 1)) { server, caFile in
            let connection = try await connect(proto, server, caFile: caFile)
            try await connection.write(Array(proto.startTLS.utf8))
            var received = text(try await connection.read())
            if !received.hasSuffix("X") { received += text(try await connection.read()) }
            #expect(received.hasSuffix("\r\nX"))
            await connection.close()
        }
    }

    /// After the upgrade the capability list must not offer STARTTLS again (RFC 2595 §4).
    @Test(arguments: MailService.allCases, [false, true])
    func startTLSIsNotAdvertisedAfterTLS(proto: MailService, faulty: Bool) async throws {
        try await RunningServer.with(.init(faults: faulty ? [.startTLSAdvertisedAfterTLS] : [], threads: 1)) { server, caFile in
            let connection = try await connect(proto, server, caFile: caFile)
            try await connection.write(Array(proto.startTLS.utf8))
            _ = try await connection.read()
            try await connection.startTLS()
            try await connection.write(Array(proto.capability.utf8))
            let capabilities = text(try await connection.read())
            #expect(capabilities.contains(proto == .pop3 ? "STLS" : "STARTTLS") == faulty, "\(capabilities)")
            await connection.close()
        }
    }
}
