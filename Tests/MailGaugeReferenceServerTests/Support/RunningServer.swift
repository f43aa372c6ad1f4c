import Foundation
import MailGaugeReferenceServer

/// Starts a reference server for one test and stops it afterwards; writes the CA for `--ca-file`.
enum RunningServer {
    static func with<Result>(_ configuration: ReferenceServer.Configuration = .init(threads: 1),
                             _ body: (RunningReferenceServer, String) async throws -> Result) async throws -> Result {
        let server = try await ReferenceServer.start(configuration)
        let caFile = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-reference-ca-\(UUID().uuidString).pem").path
        try server.certificateAuthorityPEM.write(toFile: caFile, atomically: true, encoding: .utf8)
        do {
            let result = try await body(server, caFile)
            try? FileManager.default.removeItem(atPath: caFile)
            try await server.stop()
            return result
        } catch {
            try? FileManager.default.removeItem(atPath: caFile)
            try await server.stop()
            throw error
        }
    }
}
