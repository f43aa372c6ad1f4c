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
        #expect(load.stoppedBy == .interrupt)
        #expect(load.sessions == SessionCounts(interrupted: 5), "\(load.sessions) \(load.errors)")
        #expect(load.commands.isEmpty, "sessions cut short are in no figure")
    }
}

/// `report merge` of the results of two `mailgauge bench` processes run side by side, as a
/// user spreads a load over several generators, against the built-in reference server.
@Suite struct BenchMergeTests {
    @Test func mergedResultOfTwoProcessesAddsTheirHistograms() async throws {
        let server = try await ReferenceServer.start(.init(threads: 1))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["a", "b", "all"].map { folder.appendingPathComponent("\($0).json").path }
        var benches: [ChildProcess] = []
        for (index, users) in ["user%d@1-10", "user%d@11-20"].enumerated() {
            benches.append(try ChildProcess.start(PackagePaths.mailgauge, [
                "bench", "--target", "imap://127.0.0.1:\(server.ports.imap)", "--scenario", PackagePaths.file("Scenarios/load/imap-login.scn"),
                "--users", users, "--sessions", "4", "--iterations", "40", "--json", paths[index], "--quiet",
            ], environment: ["MAILGAUGE_PASSWORD": "mg-pass-%d"]))
        }
        var exits: [ProcessOutput?] = []
        for bench in benches { exits.append(await bench.waitForExit(within: .seconds(60))) }
        try await server.stop()
        for exit in exits { #expect(exit?.exitCode == 0, "\(exit?.combined ?? "still running after 60 s")") }

        let merge = try await ProcessOutput.run(PackagePaths.mailgauge, ["report", "merge", paths[0], paths[1], "-o", paths[2]])
        #expect(merge.exitCode == 0, "\(merge.combined)")
        let (a, b, all) = try (load(paths[0]), load(paths[1]), load(paths[2]))
        #expect(a.sessions.passed == 40 && b.sessions.passed == 40)
        #expect(all.sessions.passed == 80)
        let names = Set(a.phases.keys).union(b.phases.keys)
        #expect(names.isSuperset(of: [.tcpConnect, .authentication, .session]), "\(names)")
        for (merged, parts) in names.map({ (all.phases[$0], [a.phases[$0], b.phases[$0]].compactMap { $0 }) })
            + Set(a.commands.keys).union(b.commands.keys).map({ (all.commands[$0], [a.commands[$0], b.commands[$0]].compactMap { $0 }) }) {
            let merged = try #require(merged)
            // Every sample of both processes, and none more: counts and buckets add up.
            #expect(merged.count == parts.map(\.count).reduce(0, +))
            #expect(merged.buckets.map { $0.last ?? 0 }.reduce(0, +) == merged.count)
            #expect(merged.percentiles.max == parts.map(\.percentiles.max).max())
            // A percentile of the whole lies between the same percentile of its parts.
            for percentile in [\LatencyDistribution.Percentiles.p50, \.p99] {
                let values = parts.map { $0.percentiles[keyPath: percentile] }
                #expect((values.min()!...values.max()!).contains(merged.percentiles[keyPath: percentile]))
            }
        }
    }

    private func load(_ path: String) throws -> LoadResult {
        try #require(try JSONReport.decode(Data(contentsOf: URL(fileURLWithPath: path))).load)
    }
}
