import Foundation
import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeRunner
import MailGaugeWire

/// A reference server started for one test, seen as MailGauge sees a target: a plain URL per
/// protocol (STARTTLS available), runner options trusting its test CA, and an account.
struct ReferenceTarget {
    let server: RunningReferenceServer
    let options: RunnerOptions
    let account = Account(user: "user3", password: "mg-pass-3")

    func target(_ mailProtocol: MailProtocol) -> Target {
        Target(mailProtocol: mailProtocol, host: "127.0.0.1", port: mailProtocol == .pop3 ? server.ports.pop3 : server.ports.imap,
               security: .plain)
    }

    /// Runs `body` against a server committing `faults`, and stops it afterwards;
    /// `requireTLSForLogin` makes it refuse logins in clear (LOGINDISABLED, POP3 `-ERR`).
    static func with<Result>(faults: Set<Fault> = [], requireTLSForLogin: Bool = false,
                             _ body: (ReferenceTarget) async throws -> Result) async throws -> Result {
        let server = try await ReferenceServer.start(.init(faults: faults, requireTLSForLogin: requireTLSForLogin, threads: 1))
        let caFile = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-check-ca-\(UUID().uuidString).pem").path
        defer { try? FileManager.default.removeItem(atPath: caFile) }
        try server.certificateAuthorityPEM.write(toFile: caFile, atomically: true, encoding: .utf8)
        let reference = ReferenceTarget(server: server, options: RunnerOptions(tls: TLSOptions(caFile: caFile),
                                                                              timeouts: Timeouts(connect: .seconds(5), read: .seconds(5))))
        let result: Result
        do {
            result = try await body(reference)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
        return result
    }
}
