import Foundation
import MailGaugeReport
import MailGaugeResult
import MailGaugeTestSupport
import Testing

/// Every misbehaviour of `HostileServer` against `run`, `check` and `bench`, each as a user
/// would start it (the built binary, a child process): it must end within its own bound + 5 s,
/// stay under 150 MB resident, exit with a failure (never 0, never a crash), and write the
/// JSON result it was asked for. With `MAILGAUGE_HOSTILE_TABLE=FILE` the figures are also
/// written there as a Markdown table (`Scripts/hostile-table.sh`, the table in docs/robustness.md).
///
/// Serialized (a flood costs CPU, and the bounds measured are wall times), and run only when
/// asked for (`MAILGAUGE_HOSTILE_MATRIX=1`, as `Scripts/hostile-table.sh` does): some rows
/// still fail (docs/robustness.md), and the whole matrix takes about 15 minutes.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["MAILGAUGE_HOSTILE_MATRIX"] != nil))
struct HostileMatrixTests {
    enum Command: String, CaseIterable, Sendable { case run, check, bench }

    struct Row: Sendable, CustomTestStringConvertible {
        var behaviour: HostileServer.Behaviour
        var dialect: HostileServer.Dialect
        var command: Command
        var testDescription: String { "\(behaviour.rawValue) \(dialect.rawValue) \(command.rawValue)" }
    }

    /// IMAP meets every behaviour; POP3, with a framer of its own, those that are not IMAP syntax.
    /// `MAILGAUGE_HOSTILE_BEHAVIOURS=a,b` keeps only those behaviours (to measure a few again).
    static let rows: [Row] = HostileServer.Behaviour.allCases.filter { behaviour in
        ProcessInfo.processInfo.environment["MAILGAUGE_HOSTILE_BEHAVIOURS"].map { $0.split(separator: ",").contains(Substring(behaviour.rawValue)) } ?? true
    }.flatMap { behaviour in
        let dialects: [HostileServer.Dialect] = [.hugeLiteralAnnouncement, .deepNesting, .wrongTag].contains(behaviour) ? [.imap] : [.imap, .pop3]
        return dialects.flatMap { dialect in Command.allCases.map { Row(behaviour: behaviour, dialect: dialect, command: $0) } }
    }

    static let timeouts = ["--read-timeout", "3", "--reply-timeout", "5", "--scenario-timeout", "10"]

    /// The longest each command may take by its own options: `run` one scenario's timeout,
    /// `check` its `--max-time`, `bench` its `--hard-cap`.
    static func bound(of command: Command) -> Duration {
        switch command {
        case .run: .seconds(10)
        case .check: .seconds(20)
        case .bench: .seconds(10)
        }
    }

    static let peakResidentLimit = 150 << 20

    @Test(arguments: rows)
    func endsInTimeWithinMemoryAndWritesItsResult(_ row: Row) async throws {
        let server = try await HostileServer.start(row.behaviour, speaking: row.dialect)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("result.json").path
        let arguments = try Self.arguments(for: row, port: server.port, json: json, folder: folder)

        let clock = ContinuousClock()
        let started = clock.now
        let child = try ChildProcess.start(PackagePaths.mailgauge, arguments, environment: ["MAILGAUGE_PASSWORD": "p"])
        let output = await child.waitForExit(within: Self.bound(of: row.command) + .seconds(60))
        let wall = started.duration(to: clock.now)
        await server.stop()

        guard let finished = output else {
            try Self.record(row, exitCode: nil, wall: wall, peak: nil, message: "still running a minute past its bound: killed")
            Issue.record("\(row.testDescription): still running a minute past its bound: killed")
            return
        }
        let result = try? JSONReport.decode(Data(contentsOf: URL(fileURLWithPath: json)))
        let message = Self.oneLineMessage(result: result, output: finished)
        try Self.record(row, exitCode: finished.exitCode, wall: wall, peak: finished.peakResidentBytes, message: message)

        #expect(wall < Self.bound(of: row.command) + .seconds(5), "\(wall): \(message)")
        #expect(finished.peakResidentBytes < Self.peakResidentLimit, "peak RSS \(finished.peakResidentBytes >> 20) MB")
        #expect([1, 2].contains(finished.exitCode), "exit \(finished.exitCode): \(finished.combined.suffix(2000))")
        #expect(result != nil, "no readable result at \(json): \(finished.combined.suffix(2000))")
    }

    private static func arguments(for row: Row, port: Int, json: String, folder: URL) throws -> [String] {
        let target = ["--target", "\(row.dialect.rawValue)://127.0.0.1:\(port)"]
        let load = PackagePaths.file(row.dialect == .imap ? "Scenarios/load/imap-read.scn" : "Scenarios/load/pop3-download.scn")
        switch row.command {
        case .run:
            return ["run", load] + target + ["--user", "u", "--json", json] + timeouts
        case .check:
            return ["check"] + target + ["--user", "u", "--suites", PackagePaths.file("Scenarios/conformance"),
                                         "--max-time", "20", "--json", json] + timeouts
        case .bench:
            let users = folder.appendingPathComponent("users.csv").path
            try "u,p\n".write(toFile: users, atomically: true, encoding: .utf8)
            return ["bench", "--scenario", load] + target + ["--users", users, "--sessions", "4", "--duration", "5",
                                                             "--hard-cap", "10", "--json", json] + timeouts
        }
    }

    /// What a user reads first: the first failing scenario's reason, or bench's commonest error.
    private static func oneLineMessage(result: RunResult?, output: ProcessOutput) -> String {
        if let load = result?.load, let (kind, tally) = load.errors.max(by: { $0.value.count < $1.value.count }) {
            return "\(tally.count)× \(kind): \(tally.examples.first ?? "")"
        }
        if let failed = result?.scenarios.first(where: { $0.status != .passed && $0.status != .skipped }) {
            return failed.reason ?? failed.status.rawValue
        }
        return output.combined.split(separator: "\n").last.map(String.init) ?? ""
    }

    private static func record(_ row: Row, exitCode: Int32?, wall: Duration, peak: Int?, message: String) throws {
        guard let table = ProcessInfo.processInfo.environment["MAILGAUGE_HOSTILE_TABLE"] else { return }
        if !FileManager.default.fileExists(atPath: table) {
            try "| behaviour | protocol | command | exit | wall s | peak RSS MB | message |\n|---|---|---|---|---|---|---|\n"
                .write(toFile: table, atomically: true, encoding: .utf8)
        }
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        let cell = message.replacingOccurrences(of: "|", with: "\\|").prefix(160)
        let line = "| \(row.behaviour.rawValue) | \(row.dialect.rawValue) | \(row.command.rawValue) | \(exitCode.map(String.init) ?? "killed") | "
            + String(format: "%.1f", seconds) + " | \(peak.map { String($0 >> 20) } ?? "?") | \(cell) |\n"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: table))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
    }
}
