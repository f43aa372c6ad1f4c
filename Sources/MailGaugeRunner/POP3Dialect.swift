import MailGaugeAuth
import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// POP3 (RFC 1939): one reply per command, the greeting's APOP timestamp, STLS, AUTH.
struct POP3Dialect: ReplayDialect {
    private var clients: [String: POP3Client] = [:]
    /// Commands sent without waiting (RFC 2449 §6.6 PIPELINING), per connection, in order.
    private var inFlight: [String: [Pipelined]] = [:]

    private struct Pipelined {
        var shown: String
        var context: POP3ReplyContext
        var location: SourceLocation
        var start: ContinuousClock.Instant
    }

    func isOpen(_ name: String) -> Bool { clients[name] != nil }

    /// Nothing to settle: a POP3 command is over once its reply was read, and replies still
    /// due to pipelined commands are read before the next command's.
    mutating func settle(_ context: ReplayContext) async {}

    mutating func connect(greeting: Exchange?, at location: SourceLocation, _ context: ReplayContext) async throws {
        let name = context.current
        if let previous = clients.removeValue(forKey: name) { await previous.connection.close() }
        let client = POP3Client(connection: try await context.open(), limits: context.options.pop3Limits)
        let start = ContinuousClock.now
        clients[name] = client
        let reply = try await client.receive(.greeting)
        try check(reply, answering: .greeting, command: nil, expected: greeting?.expected ?? [], at: greeting?.location ?? location,
                  since: start, context)
        if let timestamp = POP3Greeting.apopTimestamp(in: reply.statusLine) {
            context.setSecret("apop_digest", to: APOPDigest.compute(timestamp: timestamp, secret: context.bindings["password"] ?? ""))
        }
        if context.target.security == .startTLS, context.steps.last?.status == .passed {
            context.transcript.client("STLS", on: name)
            let reply = try await client.startTLS()
            context.transcript.server(reply.wireBytes, on: name)
            context.transcript.event("TLS established", on: name)
        }
    }

    mutating func perform(_ exchange: Exchange, _ context: ReplayContext) async throws {
        let client = clients[context.current]!
        let command = exchange.command!.text
        let line = try command.render(context.bindings)
        let shown = try command.render(context.bindings.masked)
        context.transcript.client(shown, on: context.current)
        try await client.send(line)
        let start = ContinuousClock.now
        // No `S:` lines: pipelined, its reply is read before the next command's.
        if exchange.expected.isEmpty {
            inFlight[context.current, default: []].append(
                Pipelined(shown: shown, context: .forCommand(line), location: exchange.location, start: start))
            return
        }
        for earlier in inFlight.removeValue(forKey: context.current) ?? [] {
            let reply = try await client.receive(earlier.context)
            try check(reply, answering: earlier.context, command: earlier.shown, expected: [], at: earlier.location, since: earlier.start, context)
        }
        let replyContext = POP3ReplyContext.forCommand(line)
        let reply = try await client.receive(replyContext)
        try check(reply, answering: replyContext, command: shown, expected: exchange.expected, at: exchange.location, since: start, context)
    }

    /// AUTH (RFC 5034): the initial response on the command line, `+ base64` challenges, then
    /// `+OK` or `-ERR`.
    mutating func authenticate(_ mechanism: String, at location: SourceLocation, _ context: ReplayContext) async throws {
        guard let client = clients[context.current] else { throw ReplayFailure("connection '\(context.current)' is not open") }
        var sasl = try SASLSession(mechanism, user: context.bindings["user"] ?? "", password: context.bindings["password"] ?? "",
                                   service: "pop", host: context.target.host)
        let name = context.current
        let initial = try sasl.initialResponse(allowed: true)
        let shown = "AUTH \(sasl.name)" + (initial == nil ? "" : " " + SASLSession.maskedPayload)
        context.transcript.client(shown, on: name)
        let start = ContinuousClock.now
        try await client.send("AUTH \(sasl.name)" + (initial.map { " " + $0 } ?? ""))
        var lines: [[UInt8]] = []
        var findings: [Finding] = []
        while true {
            let reply = try await client.receive(.authContinuation)
            context.transcript.server(reply.wireBytes, on: name)
            lines.append(reply.statusLine)
            findings += reply.findings
            guard reply.isContinuation else {
                var verdict = ReplyVerdict(actualLines: lines)
                if reply.status != .ok {
                    verdict.mismatch = Mismatch(expectedLine: 0, actualLine: lines.count - 1, message: "the server refused \(sasl.name) authentication")
                } else {
                    do { try sasl.finish() } catch { verdict.mismatch = Mismatch(expectedLine: 0, actualLine: lines.count - 1, message: "SASL: \(error)") }
                }
                context.record(command: shown, expected: [], verdict: verdict, findings: findings, at: location, latency: start.duration(to: .now))
                return
            }
            let answer = try sasl.answer(Array(reply.text.utf8))
            context.transcript.client(SASLSession.maskedPayload, on: name)
            try await client.send(answer)
        }
    }

    private func check(_ reply: POP3Response, answering replyContext: POP3ReplyContext, command: String?, expected: [ExpectedLine],
                       at location: SourceLocation, since start: ContinuousClock.Instant, _ context: ReplayContext) throws {
        context.transcript.server(reply.wireBytes, on: context.current)
        let (observer, connection) = (context.connections.observer, clients[context.current]!.connection)
        switch replyContext {
        case .greeting: observer?.greeted(reply.statusLine, on: connection, renderedBy: context.transcript)
        case .multiLine(verb: "CAPA") where reply.status == .ok: observer?.listed(reply.body ?? [], on: connection, renderedBy: context.transcript)
        default: break
        }
        let verdict = try POP3ReplyMatcher.compare(expected, with: reply, context.bindings)
        context.record(command: command, expected: expected, verdict: verdict, findings: reply.findings,
                       at: location, latency: start.duration(to: .now))
    }
}
