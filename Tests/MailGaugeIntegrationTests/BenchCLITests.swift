import Foundation
import MailGaugeTestSupport
import Testing

/// `mailgauge bench` as a user runs it against the private Dovecot: accounts from a template,
/// the summary, the JSON result, and no secret anywhere.
@Suite(.enabled("needs the private Dovecot of Scripts/test-server (root, Debian packages)") { await PrivateDovecot.shouldRun })
struct BenchCLITests {
    @Test func closedModelRunWritesTheLoadResultAndNoSecret() async throws {
        let environment = try await PrivateDovecot.shared.environment()
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-bench-\(UUID().uuidString).json").path
        let output = try await ProcessOutput.run(PackagePaths.mailgauge, [
            "bench", "--target", "imap://127.0.0.1:\(environment.imapPort)", "--scenario", PackagePaths.file("Scenarios/load/imap-read.scn"),
            "--users", "user%d@1-4", "--sessions", "4", "--iterations", "12", "--json", json, "--quiet",
        ], environment: ["MAILGAUGE_PASSWORD": "mg-pass-%d"])
        #expect(output.exitCode == 0, "\(output.combined)")
        #expect(output.stdout.contains("sessions: 12 measured (12 passed, 0 failed)"), "\(output.stdout)")
        #expect(output.stdout.contains("authentication"))
        let written = try String(contentsOfFile: json, encoding: .utf8)
        #expect(written.contains("\"load\" : {"))
        #expect(written.contains("\"check\" : \"full\""))
        for text in [output.stdout, output.stderr, written] {
            #expect(!text.contains("mg-pass-"))
        }
    }

    @Test func wrongPasswordsAreCountedAndExitWith1() async throws {
        let environment = try await PrivateDovecot.shared.environment()
        let output = try await ProcessOutput.run(PackagePaths.mailgauge, [
            "bench", "--target", "imap://127.0.0.1:\(environment.imapPort)", "--scenario", PackagePaths.file("Scenarios/load/imap-login.scn"),
            "--users", "user%d@1-2", "--rate", "20/s", "--iterations", "4", "--quiet",
            "--json", FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-bench-\(UUID().uuidString).json").path,
        ], environment: ["MAILGAUGE_PASSWORD": "not-the-password-%d"])
        #expect(output.exitCode == 1, "\(output.combined)")
        #expect(output.stdout.contains("error NO LOGIN: 4"), "\(output.stdout)")
        #expect(!output.combined.contains("not-the-password"))
    }
}
