import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// IMAP (RFC 9051, RFC 3501): tags, untagged responses in any order, literals, continuation
/// requests (IDLE, AUTHENTICATE), STARTTLS, and never a secret in clear where the server
/// forbids it (see `IMAPSecretGuard`). Scenario files and probes written in code both come
/// through here.
struct IMAPDialect: ReplayDialect {
    /// One open connection's state. A class, so the async frames working on it hold a
    /// reference rather than copies (one frame chain per session of a load run).
    final class Session {
        let client: IMAPClient
        var secrets: IMAPSecretGuard
        /// SASL-IR (RFC 4959): AUTHENTICATE may carry the initial response.
        var initialResponse = false
        /// A command the server answered with `+` and is still running (IDLE, AUTHENTICATE).
        var continuing: Continuing?
        /// Pipelined commands sent without waiting, answered along with the next command.
        var inFlight: [Pipelined] = []
        /// Tags sent whose completion has not arrived: a completion with any other tag is the
        /// server's mistake, named when it arrives (RFC 9051 §2.2.2).
        var outstanding: [String] = []
        /// Follows the session's responses for rules no single reply can break (probes).
        var auditor: (any IMAPSessionAuditor)?

        init(client: IMAPClient, encrypted: Bool) {
            self.client = client
            self.secrets = IMAPSecretGuard(encrypted: encrypted)
        }
    }

    /// A command that is still running after the server's `+`; the steps that follow are its data.
    struct Continuing {
        var tag: String
        var verb: String
        var location: SourceLocation
    }

    /// A command sent without waiting for its completion (RFC 9051 §5.5).
    struct Pipelined {
        var tag: String
        var shown: String
        var location: SourceLocation
        var start: ContinuousClock.Instant
    }

    /// The rule name of a completion whose tag no outstanding command carries.
    static let strayTagRule = "imap.tag-never-sent"

    private var sessions: [String: Session] = [:]
    private var tagCounter = 0

    func isOpen(_ name: String) -> Bool { sessions[name] != nil }

    /// The open connection `name`, for what a probe asks of it directly.
    func session(_ name: String) throws(ReplayFailure) -> Session {
        guard let session = sessions[name] else { throw ReplayFailure("connection '\(name)' is not open") }
        return session
    }

    private mutating func nextTag() -> String {
        tagCounter += 1
        return "A\(tagCounter)"
    }

    mutating func connect(greeting: Exchange?, at location: SourceLocation, opening security: Target.Security, upgrade: Bool,
                          _ context: ReplayContext) async throws {
        _ = try await open(greeting: greeting, at: location, opening: security, upgrade: upgrade, context)
    }

    /// `connect`, handing back the greeting as it arrived.
    mutating func open(greeting: Exchange?, at location: SourceLocation, opening security: Target.Security, upgrade: Bool,
                       _ context: ReplayContext) async throws -> IMAPReceived {
        let name = context.current
        if let previous = sessions.removeValue(forKey: name) { await previous.client.connection.close() }
        let connection = try await context.open(security)
        let start = ContinuousClock.now
        let session = Session(client: IMAPClient(connection: connection, limits: context.options.imapLimits), encrypted: security == .implicitTLS)
        let received = [try await session.client.receive()]
        context.connections.observer?.greeted(received[0].firstLine, on: connection, renderedBy: context.transcript)
        absorb(received, into: session, context)
        sessions[name] = session
        try check(received, command: nil, tag: nil, expected: greeting?.expected ?? [], at: greeting?.location ?? location,
                  since: start, context)
        if upgrade, context.steps.last?.status == .passed {
            _ = try await startTLS(pipelining: [], context)
        }
        return received[0]
    }

    /// STARTTLS on the current connection (RFC 9051 §6.2.1), with `pipelining` in the same
    /// write (the plaintext an injection probe sends), then the TLS handshake.
    mutating func startTLS(pipelining: [UInt8], _ context: ReplayContext) async throws -> [IMAPReceived] {
        let name = context.current
        let session = try session(name)
        let tag = nextTag()
        context.transcript.client("\(tag) STARTTLS", on: name)
        if !pipelining.isEmpty {
            context.transcript.event("sent in the same write, in clear: \(ByteEscaping.escape(pipelining))", on: name)
        }
        let replies = try await session.client.startTLS(tag: tag, pipelining: pipelining)
        replies.forEach { context.transcript.server($0.frame, on: name) }
        context.transcript.event("TLS established", on: name)
        // Capabilities learnt in clear are not to be trusted after the upgrade (RFC 9051 §6.2.1).
        session.secrets = IMAPSecretGuard(encrypted: true)
        session.initialResponse = false
        return replies
    }

    mutating func perform(_ exchange: Exchange, _ context: ReplayContext) async throws {
        _ = try await self.exchange(exchange, context)
    }

    /// Sends `exchange`'s command and checks what it drew; returns the responses (none when
    /// the command went out pipelined, with no `S:` lines: they are read with the next one's).
    mutating func exchange(_ exchange: Exchange, _ context: ReplayContext) async throws -> [IMAPReceived] {
        let name = context.current
        let session = try session(name)
        let start = ContinuousClock.now
        guard let command = exchange.command else {
            let received = try await awaitUnsolicited(exchange.expected, session, context)
            try check(received, command: nil, tag: nil, expected: exchange.expected, at: exchange.location, since: start, context)
            return received
        }
        if Self.carriesSecret(command, context.bindings) {
            try await ensureSecretsMayCross(session, via: nil, at: exchange.location, context)
        }
        let continuation = session.continuing
        let tag = continuation?.tag ?? command.tag ?? nextTag()
        context.bindings.set("tag", to: tag)
        let prefix = continuation == nil ? "\(tag) " : ""
        var received: [IMAPReceived] = []
        let stepShown = prefix + (try command.text.render(context.bindings.masked))
        var shown = stepShown
        var line = prefix + (try command.text.render(context.bindings))
        var refused = false
        if continuation == nil {
            session.outstanding.append(tag)
            session.auditor?.begin(String(stepShown.dropFirst(prefix.count)))
        }
        for literal in command.literals {
            var content: [UInt8] = []
            for contentLine in literal.lines { content += Array(try contentLine.render(context.bindings).utf8) + [13, 10] }
            let announcement = "{\(literal.declaredSize ?? content.count)\(literal.nonSynchronizing ? "+" : "")}"
            context.transcript.client(shown + announcement, on: name)
            try await session.client.send(Array((line + announcement).utf8) + [13, 10])
            if !literal.nonSynchronizing {
                // A synchronising literal waits for `+`; a tagged reply instead ends the command.
                let answer = try await receive(until: { $0.firstLine.first == UInt8(ascii: "+") || $0.tag == tag }, session, name, context)
                received += answer
                if answer.last?.firstLine.first != UInt8(ascii: "+") { refused = true; break }
                received.removeLast()
            }
            for contentLine in literal.lines { context.transcript.client(try contentLine.render(context.bindings.masked), on: name) }
            try await session.client.send(content)
            shown = try literal.then.render(context.bindings.masked)
            line = try literal.then.render(context.bindings)
        }
        if !refused {
            if command.literals.isEmpty || !shown.isEmpty { context.transcript.client(shown, on: name) }
            try await session.client.send(Array(line.utf8) + [13, 10])
            // No `S:` lines: pipelined, its responses are read with the next command's.
            if exchange.expected.isEmpty, continuation == nil {
                session.inFlight.append(Pipelined(tag: tag, shown: stepShown, location: exchange.location, start: start))
                return []
            }
            var waiting = Set(session.inFlight.map(\.tag) + [tag])
            received += try await receive(until: { next in
                if let completed = next.tag { waiting.remove(completed) }
                return waiting.isEmpty || (next.firstLine.first == UInt8(ascii: "+") && waiting == [tag])
            }, session, name, context)
        }
        try checkPipelined(received, session, context)
        session.continuing = received.last?.firstLine.first != UInt8(ascii: "+") ? nil
            : continuation ?? Continuing(tag: tag, verb: Self.verb(of: stepShown, after: prefix), location: exchange.location)
        try check(received, command: stepShown, tag: tag, expected: exchange.expected, at: exchange.location, since: start, context)
        return received
    }

    /// Reads the completions of the commands still in flight on the current connection and
    /// checks each (a probe that put commands on several connections at once).
    mutating func completePipelined(_ context: ReplayContext) async throws -> [IMAPReceived] {
        let name = context.current
        let session = try session(name)
        var waiting = Set(session.inFlight.map(\.tag))
        guard !waiting.isEmpty else { return [] }
        let received = try await receive(until: { next in
            if let completed = next.tag { waiting.remove(completed) }
            return waiting.isEmpty
        }, session, name, context)
        try checkPipelined(received, session, context)
        return received
    }

    /// Records each pipelined command's step from `received`, and forgets them.
    private func checkPipelined(_ received: [IMAPReceived], _ session: Session, _ context: ReplayContext) throws {
        for earlier in session.inFlight {
            try check(received.filter { $0.tag == earlier.tag }, command: earlier.shown, tag: earlier.tag, expected: [],
                      at: earlier.location, since: earlier.start, context)
        }
        session.inFlight = []
    }

    /// Ends each command a failed main part left running, so the cleanup's commands are read as
    /// commands, not as its data: DONE ends IDLE (RFC 2177 §3); any other such command is an
    /// AUTHENTICATE exchange, which `*` cancels (RFC 9051 §6.2.2). A connection where that
    /// fails too is closed, so the cleanup can still use the others.
    mutating func settle(_ context: ReplayContext) async {
        for (name, session) in sessions.sorted(by: { $0.key < $1.key }) {
            guard let open = session.continuing else { continue }
            session.continuing = nil
            let line = open.verb == "IDLE" ? "DONE" : "*"
            context.transcript.event("ending \(open.verb), left running by the failed step, before @finally", on: name)
            context.transcript.client(line, on: name)
            let start = ContinuousClock.now
            do {
                try await session.client.send(Array(line.utf8) + [13, 10])
                let received = try await receive(until: { $0.tag == open.tag }, session, name, context)
                try check(received, command: line, tag: open.tag, expected: [], at: open.location, since: start, context)
            } catch {
                context.transcript.event("error: \(error); connection closed", on: name)
                sessions[name] = nil
                await session.client.connection.close()
            }
        }
    }

    /// AUTHENTICATE (RFC 9051 §6.2.2) with SASL-IR (RFC 4959) when the server offers it.
    mutating func authenticate(_ mechanism: String, at location: SourceLocation, _ context: ReplayContext) async throws {
        let name = context.current
        let session = try session(name)
        try await ensureSecretsMayCross(session, via: mechanism, at: location, context)
        var sasl = try SASLSession(mechanism, user: context.bindings["user"] ?? "", password: context.bindings["password"] ?? "",
                                   service: "imap", host: context.target.host)
        let tag = nextTag()
        let initial = try sasl.initialResponse(allowed: session.initialResponse)
        let shown = "\(tag) AUTHENTICATE \(sasl.name)" + (initial == nil ? "" : " " + SASLSession.maskedPayload)
        context.transcript.client(shown, on: name)
        let start = ContinuousClock.now
        session.outstanding.append(tag)
        try await session.client.send(Array(("\(tag) AUTHENTICATE \(sasl.name)" + (initial.map { " " + $0 } ?? "") + "\r\n").utf8))
        var received: [IMAPReceived] = []
        var verdict = ReplyVerdict(actualLines: [])
        while true {
            let next = try await receive(until: { $0.tag == tag || $0.firstLine.first == UInt8(ascii: "+") }, session, name, context)
            received += next
            guard let last = next.last, last.firstLine.first == UInt8(ascii: "+") else { break }
            let challenge = Array(last.firstLine.dropFirst(last.firstLine.starts(with: [43, 32]) ? 2 : 1))
            let answer = try sasl.answer(challenge)
            context.transcript.client(SASLSession.maskedPayload, on: name)
            try await session.client.send(Array(answer.utf8) + [13, 10])
        }
        verdict.actualLines = PackedLines(received.map(\.firstLine))
        if received.last?.response?.status != .ok {
            verdict.mismatch = Mismatch(expectedLine: nil, actualLine: received.count - 1, message: "the server refused \(sasl.name) authentication")
        } else {
            do { try sasl.finish() } catch { verdict.mismatch = Mismatch(expectedLine: nil, actualLine: received.count - 1, message: "SASL: \(error)") }
        }
        context.record(command: shown, expected: [], verdict: Self.naming(strayTagIn: received, verdict), findings: received.flatMap(\.findings),
                       at: location, latency: start.duration(to: .now))
    }

    /// Throws rather than let a secret cross an unencrypted connection the server forbids it
    /// on. Where the connection's capabilities are not known yet (a greeting without them), it
    /// asks for them first: a LOGINDISABLED announced only in CAPABILITY still counts.
    private mutating func ensureSecretsMayCross(_ session: Session, via mechanism: String?, at location: SourceLocation,
                                                _ context: ReplayContext) async throws {
        if session.secrets.needsCapabilities {
            let tag = nextTag()
            session.outstanding.append(tag)
            context.transcript.event("asking for the capabilities before sending the password on an unencrypted connection", on: context.current)
            context.transcript.client("\(tag) CAPABILITY", on: context.current)
            let start = ContinuousClock.now
            try await session.client.send(Array("\(tag) CAPABILITY\r\n".utf8))
            let received = try await receive(until: { $0.tag == tag }, session, context.current, context)
            try check(received, command: "\(tag) CAPABILITY", tag: tag, expected: [], at: location, since: start, context)
        }
        if let refusal = session.secrets.refusal(via: mechanism) { throw SecretWithheld(description: refusal) }
    }

    /// Reads responses until one satisfies `done`, recording each and learning capabilities.
    /// A completion whose tag no command carries ends the wait at once, with a finding.
    private func receive(until done: (IMAPReceived) -> Bool, _ session: Session, _ name: String,
                         _ context: ReplayContext) async throws -> [IMAPReceived] {
        var received: [IMAPReceived] = []
        while true {
            var next = try await session.client.receive()
            context.transcript.server(next.frame, on: name)
            if let parsed = next.response, let auditor = session.auditor {
                next.findings += auditor.observe(parsed, bytes: next.frame)
            }
            absorb([next], into: session, context)
            if let tag = next.tag {
                guard let index = session.outstanding.firstIndex(of: tag) else {
                    next.findings.append(Self.strayTag(tag, in: next, outstanding: session.outstanding))
                    received.append(next)
                    return received
                }
                session.outstanding.remove(at: index)
            }
            received.append(next)
            if done(next) { return received }
            if received.count >= context.options.maxResponsesPerReply {
                throw ConnectionError(.tooLarge, endpoint: context.target.endpoint,
                                      "more than \(received.count) responses without the completion; the connection is dropped")
            }
        }
    }

    private static func strayTag(_ tag: String, in response: IMAPReceived, outstanding: [String]) -> Finding {
        let waiting = outstanding.isEmpty ? "no command is outstanding"
            : "\(outstanding.joined(separator: ", ")) \(outstanding.count == 1 ? "is" : "are") outstanding"
        return Finding(rule: strayTagRule, reference: "RFC 9051 §2.2.2",
                       message: "tag \(tag) was never sent; \(waiting)", bytes: Array(response.firstLine.prefix(200)))
    }

    /// A step that ended on a stray tag fails with the finding's words, not a missing completion.
    private static func naming(strayTagIn received: [IMAPReceived], _ verdict: ReplyVerdict) -> ReplyVerdict {
        guard let stray = received.last?.findings.first(where: { $0.rule == strayTagRule }) else { return verdict }
        var named = verdict
        named.mismatch = Mismatch(expectedLine: nil, actualLine: received.count - 1, message: stray.message)
        return named
    }

    /// For `S:` lines with no command: reads until every required untagged response is there.
    /// Not optimised: Swift 6.3.1 crashes splitting this coroutine at -O (signal 11 in CoroSplit).
    @_optimize(none)
    private func awaitUnsolicited(_ expected: [ExpectedLine], _ session: Session, _ context: ReplayContext) async throws -> [IMAPReceived] {
        var received: [IMAPReceived] = []
        while try !IMAPReplyMatcher.requiredUntaggedArrived(expected, in: received, context.bindings) {
            received += try await receive(until: { _ in true }, session, context.current, context)
        }
        return received
    }

    /// Learns what the guard and the decoder act on (and shows capability lists to the
    /// observer as listed); switches to the IMAP4rev2 grammar once the server says
    /// `ENABLED IMAP4rev2` (RFC 9051 §6.3.1).
    private func absorb(_ received: [IMAPReceived], into session: Session, _ context: ReplayContext) {
        for response in received.compactMap(\.response) {
            if let capabilities = response.capabilities {
                session.secrets.learn(capabilities: capabilities)
                session.initialResponse = capabilities.contains { $0.uppercased() == "SASL-IR" }
                context.connections.observer?.listed(capabilities.map(\.utf8), on: session.client.connection, renderedBy: context.transcript)
            }
            if let code = response.responseCode { session.secrets.learn(code: code.name) }
            if case .untagged(.enabled(let enabled)) = response, enabled.contains(where: { $0.uppercased() == "IMAP4REV2" }) {
                session.client.use(.rev2)
            }
        }
    }

    /// The command's name, upper-cased: the first word after the tag.
    private static func verb(of shown: String, after prefix: String) -> String {
        shown.dropFirst(prefix.count).prefix { $0 != " " }.uppercased()
    }

    /// Whether any line of `command` substitutes a secret (the password).
    private static func carriesSecret(_ command: Command, _ bindings: Bindings) -> Bool {
        let templates = [command.text] + command.literals.flatMap { $0.lines + [$0.then] }
        return templates.contains { template in
            template.segments.contains { if case .variable(let name) = $0 { bindings.isSecret(name) } else { false } }
        }
    }

    private func check(_ received: [IMAPReceived], command: String?, tag: String?, expected: [ExpectedLine], at location: SourceLocation,
                       since start: ContinuousClock.Instant, _ context: ReplayContext) throws {
        let verdict = try IMAPReplyMatcher.compare(expected, with: received, tag: tag, context.bindings)
        context.record(command: command, expected: expected, verdict: Self.naming(strayTagIn: received, verdict),
                       findings: received.flatMap(\.findings), at: location, latency: start.duration(to: .now))
    }
}

/// Follows one IMAP connection's responses for the rules no single reply can break (the
/// selected mailbox's state across commands); a conformance probe attaches one.
package protocol IMAPSessionAuditor: AnyObject {
    /// A command, without its tag, is about to be sent.
    func begin(_ command: String)
    /// The findings `response` adds to what the connection has seen.
    func observe(_ response: IMAPResponse, bytes: [UInt8]) -> [Finding]
}
