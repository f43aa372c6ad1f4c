import Foundation
import MailGaugeReferenceServer
import MailGaugeReport
import MailGaugeResult
import MailGaugeTestSupport
import Testing

/// `mailgauge bench` as a user runs it against the private Dovecot: accounts from a template,
/// the summary, the JSON result, and no secret anywhere.
@Suite(.enabled("needs the private Dovecot of Scripts/test-server (root, Debian packages)") { await PrivateServer.dovecot.shouldRun })
struct BenchCLITests {
    @Test func closedModelRunWritesTheLoadResultAndNoSecret() async throws {
        let environment = try await PrivateServer.dovecot.environment()
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-bench-\(UUID().uuidString).json").path
        let output = try await ProcessOutput.run(PackagePaths.mailgauge, [
            "bench", "--target", "imap://127.0.0.1:\(environment.imapPort)", "--scenario", PackagePaths.file("Scenarios/load/imap-read.scn"),
            "--users", "user%d@21-24", "--sessions", "4", "--iterations", "12", "--json", json, "--quiet",
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
        let environment = try await PrivateServer.dovecot.environment()
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

/// Ctrl-C during `mailgauge bench`, sent to the real process as a terminal would send it,
/// against the built-in reference server.
@Suite struct BenchInterruptTests {
    @Test func sigintCutsHeldSessionsShortAndStillWritesTheResult() async throws {
        let server = try await ReferenceServer.start(.init(threads: 1))
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-bench-\(UUID().uuidString).json").path
        let bench: ChildProcess
        do {
            // Five sessions parked in IDLE for 60 s each: only cutting them short ends the run in time.
            bench = try ChildProcess.start(PackagePaths.mailgauge, [
                "bench", "--target", "imap://127.0.0.1:\(server.ports.imap)", "--scenario", PackagePaths.file("Scenarios/load/imap-idle-hold.scn"),
                "--users", "user%d@1-5", "--sessions", "5", "--duration", "60", "--json", json, "--progress-interval", "0.2",
            ], environment: ["MAILGAUGE_PASSWORD": "mg-pass-%d"])
        } catch {
            try await server.stop()
            throw error
        }
        // Not on a terminal, the progress comes as plain lines on standard error.
        let sessionsRunning = await bench.waitForStderr(containing: "  active 5  ", within: .seconds(30))
        bench.send(SIGINT)
        let exited = await bench.waitForExit(within: .seconds(5))
        try await server.stop()

        let output = try #require(exited, "mailgauge still ran 5 s after SIGINT")
        #expect(sessionsRunning, "no progress line with 5 active sessions before SIGINT: \(output.stderr)")
        // Interrupted sessions are in no figure, so none failed: the documented exit code 0.
        #expect(output.exitCode == 0, "\(output.combined)")
        #expect(output.stderr.contains("mailgauge: interrupted; stopping and writing a partial result"))
        #expect(output.stdout.contains("stopped by interrupt"), "\(output.stdout)")
        #expect(output.stdout.contains("result: \(json)"))
        let result = try JSONReport.decode(Data(contentsOf: URL(fileURLWithPath: json)))
        #expect(result.format == "mailgauge-report/1")
        let load = try #require(result.load)
        #expect(load.stoppedBy == "interrupt")
        #expect(load.sessions == SessionCounts(interrupted: 5), "\(load.sessions) \(load.errors)")
        #expect(load.commands.isEmpty, "sessions cut short are in no figure")
    }
}
