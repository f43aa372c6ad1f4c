import ArgumentParser
import Foundation
import MailGaugeClient
import MailGaugeLoad
import MailGaugeReport
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario

/// `mailgauge bench`: many concurrent sessions replaying one scenario, each as one of many
/// accounts, with latency distributions, throughput and errors by kind.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Load a server with concurrent sessions of one scenario and measure throughput and latency.",
        discussion: """
            Closed model: --sessions N workers, each starting a session when its last ended. \
            Open model: --rate R new sessions per second, latency measured from each session's \
            intended start. Bound the run with --duration and/or --iterations.

            SIGINT stops starting sessions, cuts the running ones short and still writes the \
            partial result; a second SIGINT quits at once (exit code 130, no result).

            Exit codes: 0 no measured session failed (an interrupted run too: its cut-short \
            sessions count in no figure); 1 some failed; 2 usage, scenario or connection setup error.
            """)

    @OptionGroup var target: TargetOptions

    @Option(help: "The scenario every session replays (.scn).")
    var scenario: String

    @Option(help: ArgumentHelp("A users file (CSV user,password lines) or a template USER%d@FIRST-LAST.",
                               discussion: "With a template, the password template (also with %d) comes from --password-env."))
    var users: String

    @Option(name: .customLong("password-env"), help: "For a --users template: the environment variable holding the password template, e.g. mg-pass-%d.")
    var passwordEnv = "MAILGAUGE_PASSWORD"

    @Option(help: "Closed model: this many concurrent workers.")
    var sessions: Int?

    @Option(name: .customLong("event-loops"), help: ArgumentHelp(
        "Event-loop threads the sessions run on (default: one per core).",
        discussion: "With the server on the same machine, fewer leave it more of the cores."))
    var eventLoops: Int?

    @Option(name: .customLong("source-address"), help: ArgumentHelp(
        "Local addresses to connect from, in turn: 127.0.0.2-127.0.0.9, or addresses separated by commas.",
        discussion: "One address runs out of ephemeral ports near 28,000 connections to one server port."))
    var sourceAddress: String?

    @Option(help: "Open model: new sessions per second (R or R/s).")
    var rate: String?

    @Option(name: .customLong("max-in-flight"), help: "Open model: the most sessions running at once.")
    var maxInFlight = 10_000

    @Option(name: .customLong("think-time"), help: "Closed model: seconds a worker waits between sessions.")
    var thinkTime: Double = 0

    @Option(help: "Seconds over which workers start (closed) or the rate climbs to full (open).")
    var ramp: Double = 0

    @Option(help: "Seconds at the start whose sessions are in no figure.")
    var warmup: Double = 0

    @Option(help: "Seconds measured after the warm-up; no session starts later.")
    var duration: Double?

    @Option(help: "The most sessions started in all, warm-up included.")
    var iterations: Int?

    @Option(name: .customLong("hard-cap"), help: "Seconds after which sessions still running are cut off.")
    var hardCap: Double = 3600

    @Option(help: "How much checking stays on: full, sample=N% or off.")
    var check = "full"

    @Option(name: .customLong("max-p99"), help: "Fail unless a command's or phase's p99 stays under this, e.g. LOGIN=50ms or session=2s (repeatable).")
    var maxP99: [String] = []

    @Option(name: .customLong("max-error-rate"), help: "Fail when more than this share of sessions fail, e.g. 0.1%.")
    var maxErrorRate: String?

    @Option(name: .customLong("min-throughput"), help: "Fail below this many measured sessions per second, e.g. 100/s.")
    var minThroughput: String?

    @OptionGroup var reports: ReportOptions

    @Option(name: .customLong("progress-interval"), help: "Seconds between progress lines when not on a terminal.")
    var progressInterval: Double = 10

    @Flag(help: "No progress line.")
    var quiet = false

    func validate() throws {
        guard (sessions == nil) != (rate == nil) else { throw ValidationError("give exactly one of --sessions N (closed model) or --rate R/s (open model)") }
        if let sessions, !(1...100_000).contains(sessions) { throw ValidationError("--sessions must be between 1 and 100000") }
        if rate != nil, parsedRate == nil { throw ValidationError("--rate must be a positive number of sessions per second, e.g. 50 or 50/s") }
        guard duration != nil || iterations != nil else { throw ValidationError("bound the run with --duration SECONDS and/or --iterations N") }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        if !(1...100_000).contains(maxInFlight) { throw ValidationError("--max-in-flight must be between 1 and 100000") }
        for (name, value) in [("--think-time", thinkTime), ("--ramp", ramp), ("--warmup", warmup), ("--duration", duration ?? 1)]
        where !(value >= 0 && value <= 86_400) {
            throw ValidationError("\(name) must be between 0 and 86400 seconds")
        }
        if !(hardCap > 0 && hardCap <= 86_400) { throw ValidationError("--hard-cap must be between 0 and 86400 seconds") }
        if CheckMode(check) == nil { throw ValidationError("--check must be full, off or sample=N% (0 < N <= 100)") }
        _ = try thresholds()
    }

    private var parsedRate: Double? {
        guard let rate else { return nil }
        let number = rate.hasSuffix("/s") ? String(rate.dropLast(2)) : rate
        guard let value = Double(number), value > 0, value <= 1_000_000 else { return nil }
        return value
    }

    func run() async throws {
        if let eventLoops {
            guard (1...1024).contains(eventLoops) else { throw usageFailure("--event-loops must be between 1 and 1024, not \(eventLoops)") }
            EventLoopExecutor.useLoops(eventLoops)
        }
        let parsed: Scenario
        do {
            parsed = try ScenarioFiles.load([scenario])[0]
        } catch {
            throw usageFailure(error.description)
        }
        if let unmeasurable = try thresholds().lazy.compactMap({ $0.unmeasurable(in: parsed) }).first { throw usageFailure(unmeasurable) }
        let accounts = try accounts()
        var options = target.runnerOptions
        options.roster = AccountRoster(accounts)
        if let sourceAddress {
            do { options.sourceAddresses = try SourceAddresses(sourceAddress) } catch { throw usageFailure(error.description) }
        }
        // Every concurrent session holds its connections open; the rest (the report, the
        // resolver, the standard streams) needs a few more.
        let concurrent = sessions ?? maxInFlight
        if let warning = FileDescriptorLimit.raise(toFit: concurrent * max(1, parsed.connectionNames.count) + 64) {
            FileHandle.standardError.write(Data("mailgauge: warning: \(warning)\n".utf8))
        }
        if let unresolved = options.roster.unresolved(in: parsed, forSessionOf: accounts[0]) { throw usageFailure(unresolved) }
        let runner = ScenarioRunner(target: try target.resolvedTarget(), options: options)
        if target.insecure {
            FileHandle.standardError.write(Data("mailgauge: warning: --insecure: the server's certificate is NOT verified\n".utf8))
        }
        let model: LoadPlan.Model = if let sessions {
            .closed(sessions: sessions, thinkTime: .seconds(thinkTime))
        } else {
            .open(ratePerSecond: parsedRate!, maxInFlight: maxInFlight)
        }
        let plan = LoadPlan(scenario: parsed, accounts: accounts, runner: runner, model: model, ramp: .seconds(ramp),
                            warmup: .seconds(warmup), duration: duration.map { .seconds($0) }, iterations: iterations,
                            hardCap: .seconds(hardCap), check: CheckMode(check)!)
        let engine = LoadEngine(plan: plan, progress: quiet ? nil : progressReporter)
        let interrupts = InterruptHandler { engine.interrupt() }
        let startedAt = Date()
        var load = await engine.run()
        interrupts.cancel()
        let limits = try thresholds()
        if !limits.isEmpty { load.thresholds = limits.map { $0.evaluate(load) } }
        let result = RunResult(tool: ToolInfo(version: MailGaugeCommand.version), commandLine: CommandLine.arguments,
                               target: runner.target.description, server: engine.serverInfo, startedAt: startedAt, finishedAt: Date(),
                               scenarios: [], load: load)
        print(LoadTextReport.render(load), terminator: "")
        try reports.write(result, command: "bench")
        print("result: \(reports.json ?? "Reports/bench.json")")
        for threshold in load.thresholds ?? [] where !threshold.passed {
            FileHandle.standardError.write(Data("mailgauge: threshold breached: \(threshold.name), measured \(threshold.observed)\n".utf8))
        }
        if load.sessions.failed > 0 || load.thresholds?.contains(where: { !$0.passed }) == true { throw CLIExit.failed.code }
    }

    private func thresholds() throws -> [LoadThreshold] {
        var limits: [LoadThreshold] = []
        for text in maxP99 {
            guard let limit = LoadThreshold.maxP99(text) else { throw ValidationError("--max-p99 \(text): write NAME=DURATION, e.g. LOGIN=50ms") }
            limits.append(limit)
        }
        if let maxErrorRate {
            guard let limit = LoadThreshold.maxErrorRate(maxErrorRate) else { throw ValidationError("--max-error-rate \(maxErrorRate): write a percentage, e.g. 0.1%") }
            limits.append(limit)
        }
        if let minThroughput {
            guard let limit = LoadThreshold.minThroughput(minThroughput) else { throw ValidationError("--min-throughput \(minThroughput): write sessions per second, e.g. 100/s") }
            limits.append(limit)
        }
        return limits
    }

    private func accounts() throws -> [Account] {
        guard AccountTemplate.isTemplate(users) else {
            let text: String
            do {
                text = try String(contentsOfFile: users, encoding: .utf8)
            } catch {
                throw ValidationError("\(users): cannot read the users file (or give a template USER%d@FIRST-LAST)")
            }
            do { return try UsersFile.parse(text, file: users) } catch { throw ValidationError(error.description) }
        }
        guard let passwords = ProcessInfo.processInfo.environment[passwordEnv] else {
            throw ValidationError("--users \(users): set the password template (e.g. mg-pass-%d) in $\(passwordEnv), or name another variable with --password-env")
        }
        do { return try AccountTemplate.expand(users, passwordTemplate: passwords) } catch { throw ValidationError(error.description) }
    }

    private var progressReporter: ProgressReporter {
        let live = isatty(STDERR_FILENO) != 0
        return ProgressReporter(style: live ? .live : .periodic, interval: .seconds(live ? 1 : progressInterval)) { line in
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
