import Foundation
import MailGaugeTestSupport
import Testing

/// What `mailgauge` prints reaches a file or pipe line by line: a run killed while a server
/// stalls keeps the results it had already printed (block buffering would hold them back).
struct OutputFlushTests {
    @Test func aKilledRunKeepsWhatItPrinted() async throws {
        let server = try await ScriptedServer.start(greeting: Array("+OK hi\r\n".utf8), replies: [Array("+OK bye\r\n".utf8)])
        let quick = try CLI.temporaryScenario("@protocol pop3\nS: +OK{*}\nC: QUIT\nS: +OK{*}\n")
        let stalled = try CLI.temporaryScenario("@protocol pop3\nS: +OK{*}\nC: NOOP\nS: +OK{*}\nC: STAT\nS: +OK{*}\n")
        let run = try ChildProcess.start(PackagePaths.mailgauge, ["run", quick, stalled, "--target", "pop3://127.0.0.1:\(server.port)",
                                                                   "--user", "u", "--read-timeout", "120"],
                                         environment: ["MAILGAUGE_PASSWORD": "p"])
        let printed = await run.waitForStdout(containing: "PASSED \(quick)", within: .seconds(30))
        run.send(SIGKILL)
        _ = await run.waitForExit(within: .seconds(10))
        await server.stop()
        #expect(printed, "stdout while the second scenario waits: \(run.stdoutSoFar.debugDescription)")
    }
}
