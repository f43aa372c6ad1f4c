import ArgumentParser
import Foundation
import MailGaugeClient
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario

/// `mailgauge run`: replays scenario files against a target and reports each step.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay scenario files against a server and check every reply.")

    @Argument(help: "Scenario files (.scn).")
    var files: [String]

    @OptionGroup var target: TargetOptions
    @OptionGroup var account: AccountOptions

    @OptionGroup var reports: ReportOptions

    func run() async throws {
        let scenarios: [Scenario]
        do {
            scenarios = try ScenarioFiles.load(files)
        } catch {
            throw usageFailure(error.description)
        }
        let accounts: [Account]
        var options = target.runnerOptions
        do {
            accounts = try account.accounts()
            options.roster = try account.roster()
        } catch let error as ValidationError {
            throw usageFailure(error.message)
        }
        let runner = ScenarioRunner(target: try target.resolvedTarget(), options: options)
        if target.insecure {
            FileHandle.standardError.write(Data("mailgauge: warning: --insecure: the server's certificate is NOT verified\n".utf8))
        }
        let startedAt = Date()
        let server = ServerInfoRecorder()
        let results = await ScenarioBatch.run(scenarios, on: runner, as: accounts[0], server: server)
        let result = RunResult(
            tool: ToolInfo(version: MailGaugeCommand.version), commandLine: CommandLine.arguments,
            target: runner.target.description, server: server.serverInfo, startedAt: startedAt, finishedAt: Date(), scenarios: results)
        try ScenarioBatch.finish(result, reports: reports, command: "run")
    }
}

/// Reads and parses scenario files before any connection, so a typo costs no server time.
enum ScenarioFiles {
    static func load(_ paths: [String]) throws(ScenarioError) -> [Scenario] {
        let parser = ScenarioParser { path in
            do {
                return try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ReadFailure(path: path)
            }
        }
        return try paths.map { path throws(ScenarioError) in try parser.parse(path: path) }
    }

    private struct ReadFailure: Error, CustomStringConvertible {
        var path: String
        var description: String {
            FileManager.default.fileExists(atPath: path) ? "not readable as UTF-8 text" : "no such file"
        }
    }
}
