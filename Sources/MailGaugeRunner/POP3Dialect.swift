import MailGaugeAuth
import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// POP3 (RFC 1939): one reply per command, the greeting's APOP timestamp, STLS, AUTH, and
/// never a secret in clear where the server said it wants TLS (see `POP3SecretGuard`).
/// Scenario files and probes written in code both come through here.
struct POP3Dialect: ReplayDialect {
    /// One open connection's state; a class, as IMAP's is, so async frames hold a reference.
    final class Session {
        let client: POP3Client
        var secrets: POP3SecretGuard
        /// Commands sent without waiting (RFC 2449 §6.6 PIPELINING), in order.
        var inFlight: [Pipelined] = []

        init(client: POP3Client, encrypted: Bool) {
            self.client = client
            self.secrets = POP3SecretGuard(encrypted: encrypted)
        }
    }

    struct Pipelined {
        var shown: String
        var verb: String
        var context: POP3ReplyContext
        var location: SourceLocation
        var start: ContinuousClock.Instant
    }

    private var sessions: [String: Session] = [:]

    func isOpen(_ name: String) -> Bool { sessions[name] != nil }

    /// The open connection `name`, for what a probe asks of it directly.
    func session(_ name: String) throws(ReplayFailure) -> Session {
        guard let session = sessions[name] else { throw ReplayFailure("connection '\(name)' is not open") }
        return session
    }

    /// Nothing to settle: a POP3 command is over once its reply was read, and replies still
    /// due to pipelined commands are read before the next command's.
    mutating func settle(_ context: ReplayContext) async {}

    mutating func connect(greeting: Exchange?, at location: SourceLocation, opening security: Target.Security, upgrade: Bool,
                          _ context: ReplayContext) async throws {
        let name = context.current
        if let previous = sessions.removeValue(forKey: name) { await previous.client.connection.close() }
        let session = Session(client: POP3Client(connection: try await context.open(security), limits: context.options.pop3Limits),
                              encrypted: security == .implicitTLS)
        let start = ContinuousClock.now
        sessions[name] = session
        let reply = try await session.client.receive(.greeting)
        try check(reply, answering: .greeting, command: nil, expected: greeting?.expected ?? [], at: greeting?.location ?? location,
                  since: start, session, context)
        if let timestamp = POP3Greeting.apopTimestamp(in: reply.statusLine) {
            context.setSecret("apop_digest", to: APOPDigest.compute(timestamp: timestamp, secret: context.bindings["password"] ?? ""))
        }
        if upgrade, context.steps.last?.status == .passed {
            _ = try await startTLS(pipelining: [], context)
        }
    }

    /// STLS on the current connection (RFC 2595 §4), with `pipelining` in the same write (the
    /// plaintext an injection probe sends), then the TLS handshake.
    mutating func startTLS(pipelining: [UInt8], _ context: ReplayContext) async throws -> POP3Response {
        let name = context.current
        let session = try session(name)
        context.transcript.client("STLS", on: name)
        if !pipelining.isEmpty {
            context.transcript.event("sent in the same write, in clear: \(ByteEscaping.escape(pipelining))", on: name)
        }
        let reply = try await session.client.startTLS(pipelining: pipelining)
        context.transcript.server(reply.wireBytes, on: name)
        context.transcript.event("TLS established", on: name)
        session.secrets = POP3SecretGuard(encrypted: true)
        return reply
    }

    mutating func perform(_ exchange: Exchange, _ context: ReplayContext) async throws {
        _ = try await self.exchange(exchange, context)
    }

    /// Sends `exchange`'s command and checks its reply; returns it (nil when the command went
    /// out pipelined, with no `S:` lines: its reply is read before the next command's).
    mutating func exchange(_ exchange: Exchange, _ context: ReplayContext) async throws -> POP3Response? {
        let session = try session(context.current)
        let command = exchange.command!.text
        let line = try command.render(context.bindings)
        let shown = try command.render(context.bindings.masked)
        let verb = command.verb
        if Self.carriesSecret(command, context.bindings) {
            try await ensureSecretsMayCross(session, sending: verb, at: exchange.location, context)
        }
        context.transcript.client(shown, on: context.current)
        try await session.client.send(line)
        let start = ContinuousClock.now
        let replyContext = POP3ReplyContext.forCommand(line)
        if exchange.expected.isEmpty {
            session.inFlight.append(Pipelined(shown: shown, verb: verb, context: replyContext, location: exchange.location, start: start))
            return nil
        }
        try await readPipelined(session, context)
        let reply = try await session.client.receive(replyContext)
        try check(reply, answering: replyContext, command: shown, verb: verb, expected: exchange.expected, at: exchange.location,
                  since: start, session, context)
        return reply
    }

    /// Reads and checks the replies of the commands still in flight on `session`.
    private func readPipelined(_ session: Session, _ context: ReplayContext) async throws {
        let earlier = session.inFlight
        session.inFlight = []
        for pipelined in earlier {
            let reply = try await session.client.receive(pipelined.context)
            try check(reply, answering: pipelined.context, command: pipelined.shown, verb: pipelined.verb, expected: [],
                      at: pipelined.location, since: pipelined.start, session, context)
        }
    }

    /// AUTH (RFC 5034): the initial response on the command line, `+ base64` challenges, then
    /// `+OK` or `-ERR`.
    mutating func authenticate(_ mechanism: String, at location: SourceLocation, _ context: ReplayContext) async throws {
        let session = try session(context.current)
        try await ensureSecretsMayCross(session, sending: "AUTH", mechanism: mechanism, at: location, context)
        var sasl = try SASLSession(mechanism, user: context.bindings["user"] ?? "", password: context.bindings["password"] ?? "",
                                   service: "pop", host: context.target.host)
        let name = context.current
        let initial = try sasl.initialResponse(allowed: true)
        let shown = "AUTH \(sasl.name)" + (initial == nil ? "" : " " + SASLSession.maskedPayload)
        context.transcript.client(shown, on: name)
        let start = ContinuousClock.now
        try await session.client.send("AUTH \(sasl.name)" + (initial.map { " " + $0 } ?? ""))
        var lines = PackedLines()
        var findings: [Finding] = []
        while true {
            let reply = try await session.client.receive(.authContinuation)
            context.transcript.server(reply.wireBytes, on: name)
            lines.append(reply.statusLine)
            findings += reply.findings
            guard reply.isContinuation else {
                session.secrets.learn(ok: reply.status == .ok, to: "AUTH") { context.transcript.render(reply.statusLine) }
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
            try await session.client.send(answer)
        }
    }

    /// Throws rather than let `verb`'s secret cross an unencrypted connection where the server
    /// said it wants TLS first. The replies still due to pipelined commands are read first:
    /// they may be the ones that say so; AUTH and APOP ask CAPA first when it is not known.
    private func ensureSecretsMayCross(_ session: Session, sending verb: String, mechanism: String? = nil,
                                       at location: SourceLocation, _ context: ReplayContext) async throws {
        try await readPipelined(session, context)
        if session.secrets.needsCapabilities(before: verb) {
            context.transcript.event("asking for the capabilities before sending \(verb) on an unencrypted connection", on: context.current)
            context.transcript.client("CAPA", on: context.current)
            let start = ContinuousClock.now
            try await session.client.send("CAPA")
            let reply = try await session.client.receive(.multiLine(verb: "CAPA"))
            try check(reply, answering: .multiLine(verb: "CAPA"), command: "CAPA", expected: [], at: location, since: start, session, context)
            // A server without CAPA has told nothing either way.
            if reply.status != .ok { session.secrets.learn(capabilities: POP3CapabilityList(lines: [])) }
        }
        if let refusal = session.secrets.refusal(sending: verb, mechanism: mechanism) { throw SecretWithheld(description: refusal) }
    }

    /// Whether the command line substitutes a secret (the password, the APOP digest).
    private static func carriesSecret(_ command: Template, _ bindings: Bindings) -> Bool {
        command.segments.contains { if case .variable(let name) = $0 { bindings.isSecret(name) } else { false } }
    }

    private func check(_ reply: POP3Response, answering replyContext: POP3ReplyContext, command: String?, verb: String = "",
                       expected: [ExpectedLine], at location: SourceLocation, since start: ContinuousClock.Instant,
                       _ session: Session, _ context: ReplayContext) throws {
        context.transcript.server(reply.wireBytes, on: context.current)
        let (observer, connection) = (context.connections.observer, session.client.connection)
        switch replyContext {
        case .greeting: observer?.greeted(reply.statusLine, on: connection, renderedBy: context.transcript)
        case .multiLine(verb: "CAPA") where reply.status == .ok:
            observer?.listed(reply.body ?? [], on: connection, renderedBy: context.transcript)
            session.secrets.learn(capabilities: POP3CapabilityList(lines: reply.body ?? []))
        default: break
        }
        if !verb.isEmpty { session.secrets.learn(ok: reply.status == .ok, to: verb) { context.transcript.render(reply.statusLine) } }
        let verdict = try POP3ReplyMatcher.compare(expected, with: reply, context.bindings)
        context.record(command: command, expected: expected, verdict: verdict, findings: reply.findings,
                       at: location, latency: start.duration(to: .now))
    }
}
