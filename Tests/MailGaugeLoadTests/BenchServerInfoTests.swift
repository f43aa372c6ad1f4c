import Foundation
import MailGaugeClient
import MailGaugeLoad
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import Testing

/// A load run reports what the server said about itself from the first session that got that
/// far, with no connection of its own.
struct BenchServerInfoTests {
    @Test func benchOverImplicitTLSRecordsGreetingCapabilitiesAndTLS() async throws {
        let server = try await ReferenceServer.start(.init(threads: 1))
        let caFile = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-bench-ca-\(UUID().uuidString).pem").path
        try server.certificateAuthorityPEM.write(toFile: caFile, atomically: true, encoding: .utf8)
        let engine = LoadEngine(plan: try LoadFixtures.plan(
            try LoadFixtures.scenario("Scenarios/load/imap-login.scn"), target: "imaps://127.0.0.1:\(server.ports.imaps)",
            model: .closed(sessions: 2, thinkTime: .zero), iterations: 4, options: RunnerOptions(tls: TLSOptions(caFile: caFile))))
        #expect(engine.serverInfo == nil, "nothing before the run")
        let load = await engine.run()
        try await server.stop()
        try? FileManager.default.removeItem(atPath: caFile)
        #expect(load.sessions.passed == 4)
        let info = try #require(engine.serverInfo)
        #expect(info.greeting.hasPrefix("* OK [CAPABILITY IMAP4rev1 "))
        #expect(info.capabilities?.contains("UIDPLUS") == true, "LOGIN's list, the last on that connection")
        #expect(info.tls?.version == "TLSv1.3")
        #expect(info.tls?.certificate?.subject == "CN=localhost, O=MailGauge")
    }
}
