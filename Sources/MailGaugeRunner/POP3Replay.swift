import MailGaugeAuth
import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// One replay of a POP3 scenario: its connections, variables, steps and transcript.
struct POP3Replay {
    let target: Target
    let options: RunnerOptions
    let connections: OpenConnections
    private var clients: [String: POP3Client] = [:]
    private var current = "main"
    private var bindings = Bindings()
    private var transcript: TranscriptRecorder
    private var steps: [StepResult] = []

    init(target: Target, options: RunnerOptions, account: Account, connections: OpenConnections) {
        self.target = target
        self.options = options
        self.connections = connections
        self.transcript = TranscriptRecorder(linesPerReply: options.transcriptLinesPerReply)
        bindings.set("user", to: account.user)
        bindings.set("password", to: account.password, secret: true)
        transcript.scrubber.update(from: bindings)
    }

    mutating func run(_ scenario: Scenario) async -> ReplayOutcome {
        var outcome = await replay(scenario.steps)
        await connections.closeAll()
        outcome.steps = steps
        outcome.transcript = transcript.lines
        return outcome
    }

    private mutating func replay(_ scenarioSteps: [ScenarioStep]) async -> ReplayOutcome {
        var index = 0
        var location: SourceLocation?
        do {
            while index < scenarioSteps.count {
                switch scenarioSteps[index] {
                case .connect(let name, let at):
                    location = at
                    var greeting: Exchange?
                    if index + 1 < scenarioSteps.count, case .exchange(let next) = scenarioSteps[index + 1], next.command == nil {
                        greeting = next
                        index += 1
                    }
                    try await connect(name, at: at, greeting: greeting)
                case .use(let name, _):
                    current = name
                case .set(let name, let value, _):
                    bindings.set(name, to: value)
                case .exchange(let exchange):
                    location = exchange.location
                    try await perform(exchange)
                }
                if let failed = steps.last, failed.status == .failed {
                    return ReplayOutcome(status: .failed, reason: "\(failed.location): \(failed.mismatch?.message ?? failed.findings.first(where: failing)?.summary ?? "failed")")
                }
                index += 1
            }
            return ReplayOutcome(status: .passed)
        } catch let error as ConnectionError {
            if connections.timedOut {
                return ReplayOutcome(status: .failed, reason: "\(location.map { "\($0): " } ?? "")scenario timed out after \(options.scenarioTimeout)")
            }
            transcript.event("error: \(error)", on: current)
            // Not getting a session at all is a connection error; losing one midway is the server's failure.
            let connected = !clients.isEmpty
            return ReplayOutcome(status: connected ? .failed : .error, reason: connected ? "\(location.map { "\($0): " } ?? "")\(error)" : error.description)
        } catch let error as UndefinedVariable {
            var reason = "\(location.map { "\($0): " } ?? "")\(error)"
            if error.name == "apop_digest" { reason += " (the greeting carries no APOP timestamp, RFC 1939 §7)" }
            return ReplayOutcome(status: .failed, reason: reason)
        } catch {
            return ReplayOutcome(status: .error, reason: "\(error)")
        }
    }

    /// Opens a connection, reads and checks its greeting, and upgrades with STLS when asked.
    private mutating func connect(_ name: String, at location: SourceLocation, greeting: Exchange?) async throws {
        if let previous = clients[name] { await previous.connection.close() }
        current = name
        transcript.event("connect \(target)", on: name)
        let start = ContinuousClock.now
        let connection = try await Connection.open(to: target, tls: options.tls, timeouts: options.timeouts)
        connections.add(connection)
        if target.security == .implicitTLS { transcript.event("TLS established", on: name) }
        let client = POP3Client(connection: connection)
        clients[name] = client
        let reply = try await client.receive(.greeting)
        try record(command: nil, reply: reply, expected: greeting?.expected ?? [], at: greeting?.location ?? location,
                   latency: start.duration(to: .now))
        if let timestamp = POP3Greeting.apopTimestamp(in: reply.statusLine) {
            bindings.set("apop_digest", to: APOPDigest.compute(timestamp: timestamp, secret: bindings["password"] ?? ""), secret: true)
            transcript.scrubber.update(from: bindings)
        }
        if target.security == .startTLS, steps.last?.status == .passed {
            transcript.client("STLS", on: name)
            let reply = try await client.startTLS()
            transcript.server(reply.wireBytes, on: name)
            transcript.event("TLS established", on: name)
        }
    }

    private mutating func perform(_ exchange: Exchange) async throws {
        guard let client = clients[current] else {
            throw ConnectionError(.closed, endpoint: target.endpoint, "connection '\(current)' is not open")
        }
        let command = exchange.command!
        let line = try command.render(bindings)
        let shown = try command.render(bindings.masked)
        transcript.client(shown, on: current)
        try await client.send(line)
        let start = ContinuousClock.now
        let reply = try await client.receive(POP3ReplyContext.forCommand(line))
        try record(command: shown, reply: reply, expected: exchange.expected, at: exchange.location,
                   latency: start.duration(to: .now))
    }

    private mutating func record(command: String?, reply: POP3Response, expected: [ExpectedLine], at location: SourceLocation, latency: Duration) throws {
        transcript.server(reply.wireBytes, on: current)
        let verdict = try POP3ReplyMatcher.compare(expected, with: reply, bindings)
        bindings.merge(verdict.captures)
        let failed = verdict.mismatch != nil || reply.findings.contains(where: failing)
        let (seconds, attoseconds) = latency.components
        steps.append(StepResult(
            location: location.description, connection: current, command: command, status: failed ? .failed : .passed,
            expected: expected.map(\.source), actual: verdict.actualLines.map { transcript.render($0) },
            mismatch: verdict.mismatch, findings: reply.findings,
            latencySeconds: Double(seconds) + Double(attoseconds) / 1e18))
    }

    /// Violations always fail a step; warnings only in strict mode.
    private func failing(_ finding: Finding) -> Bool {
        finding.severity == .violation || options.strict
    }
}
