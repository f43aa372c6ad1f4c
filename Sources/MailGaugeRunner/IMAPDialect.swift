import MailGaugeClient
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// IMAP (RFC 9051, RFC 3501): tags, untagged responses in any order, literals, continuation
/// requests (IDLE, AUTHENTICATE), STARTTLS, and never a password in clear under LOGINDISABLED.
struct IMAPDialect: ReplayDialect {
    /// One open connection's state. A class, so the async frames working on it hold a
    /// reference rather than copies (one frame chain per session of a load run).
    private final class Session {
        let client: IMAPClient
        var capabilities = Advertised()
        var encrypted: Bool
        /// A command the server answered with `+` and is still running (IDLE, AUTHENTICATE).
        var continuing: Continuing?
        /// Pipelined commands sent without waiting, answered along with the next command.
        var inFlight: [Pipelined] = []

        init(client: IMAPClient, encrypted: Bool) {
            self.client = client
            self.encrypted = encrypted
        }
    }

    /// The capabilities the replay itself acts on; checking the rest is the scenarios' job.
    /// Two flags rather than the list: ten thousand idle sessions each keep one.
    private struct Advertised {
        /// LOGINDISABLED (RFC 9051 §6.2.3): no password in clear.
        var loginDisabled = false
        /// SASL-IR (RFC 4959): AUTHENTICATE may carry the initial response.
        var initialResponse = false

        init() {}

        init(_ capabilities: [String]) {
            let names = capabilities.map { $0.uppercased() }
            loginDisabled = names.contains("LOGINDISABLED")
            initialResponse = names.contains("SASL-IR")
        }
    }

    /// A command that is still running after the server's `+`; the steps that follow are its data.
    private struct Continuing {
        var tag: String
        var verb: String
        var location: SourceLocation
    }

    /// A command sent without waiting for its completion (RFC 9051 §5.5).
    private struct Pipelined {
        var tag: String
        var shown: String
        var location: SourceLocation
        var start: ContinuousClock.Instant
    }

    private var sessions: [String: Session] = [:]
    private var tagCounter = 0

    func isOpen(_ name: String) -> Bool { sessions[name] != nil }

    private mutating func nextTag() -> String {
        tagCounter += 1
        return "A\(tagCounter)"
    }

    mutating func connect(greeting: Exchange?, at location: SourceLocation, _ context: ReplayContext) async throws {
        let name = context.current
        if let previous = sessions.removeValue(forKey: name) { await previous.client.connection.close() }
        let connection = try await context.open()
        let start = ContinuousClock.now
        let session = Session(client: IMAPClient(connection: connection, limits: context.options.imapLimits), encrypted: context.target.security == .implicitTLS)
        let received = [try await session.client.receive()]
        context.connections.observer?.greeted(received[0].firstLine, on: connection, renderedBy: context.transcript)
        absorbCapabilities(received, into: session, context)
        sessions[name] = session
        try check(received, command: nil, tag: nil, expected: greeting?.expected ?? [], at: greeting?.location ?? location,
                  since: start, context)
        if context.target.security == .startTLS, context.steps.last?.status == .passed {
            let tag = nextTag()
            context.transcript.client("\(tag) STARTTLS", on: name)
            let replies = try await session.client.startTLS(tag: tag)
            replies.forEach { context.transcript.server($0.frame, on: name) }
            context.transcript.event("TLS established", on: name)
            // Capabilities learnt in clear are not to be trusted after the upgrade (RFC 9051 §6.2.1).
            session.capabilities = Advertised()
            session.encrypted = true
        }
    }

    mutating func perform(_ exchange: Exchange, _ context: ReplayContext) async throws {
        let name = context.current
        let session = sessions[name]!
        let start = ContinuousClock.now
        guard let command = exchange.command else {
            let received = try await awaitUnsolicited(exchange.expected, session, context)
            try check(received, command: nil, tag: nil, expected: exchange.expected, at: exchange.location, since: start, context)
            return
        }
        let continuation = session.continuing
        let tag = continuation?.tag ?? command.tag ?? nextTag()
        context.bindings.set("tag", to: tag)
        if !session.encrypted, session.capabilities.loginDisabled, Self.sendsPassword(command) {
            throw ReplayFailure("refusing to send the password in clear: the server advertises LOGINDISABLED on this unencrypted connection (RFC 9051 §6.2.3); use --starttls or imaps://")
        }
        let prefix = continuation == nil ? "\(tag) " : ""
        var received: [IMAPReceived] = []
        let stepShown = prefix + (try command.text.render(context.bindings.masked))
        var shown = stepShown
        var line = prefix + (try command.text.render(context.bindings))
        var refused = false
        for literal in command.literals {
            var content: [UInt8] = []
            for contentLine in literal.lines { content += Array(try contentLine.render(context.bindings).utf8) + [13, 10] }
            let announcement = "{\(literal.declaredSize ?? content.count)\(literal.nonSynchronizing ? "+" : "")}"
            context.transcript.client(shown + announcement, on: name)
            try await session.client.send(Array((line + announcement).utf8) + [13, 10])
            if !literal.nonSynchronizing {
                // A synchronising literal waits for `+`; a tagged reply instead ends the command.
                let answer = try await receive(until: { $0.firstLine.first == UInt8(ascii: "+") || $0.response?.tag == tag }, session, name, context)
                received += answer
                if answer.last?.response?.tag == tag { refused = true; break }
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
                return
            }
            var waiting = Set(session.inFlight.map(\.tag) + [tag])
            received += try await receive(until: { next in
                if let completed = next.response?.tag { waiting.remove(completed) }
                return waiting.isEmpty || (next.firstLine.first == UInt8(ascii: "+") && waiting == [tag])
            }, session, name, context)
        }
        for earlier in session.inFlight {
            try check(received.filter { $0.response?.tag == earlier.tag }, command: earlier.shown, tag: earlier.tag, expected: [],
                      at: earlier.location, since: earlier.start, context)
        }
        session.inFlight = []
        session.continuing = received.last?.firstLine.first != UInt8(ascii: "+") ? nil
            : continuation ?? Continuing(tag: tag, verb: Self.verb(of: stepShown, after: prefix), location: exchange.location)
        try check(received, command: stepShown, tag: tag, expected: exchange.expected, at: exchange.location, since: start, context)
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
                let received = try await receive(until: { $0.response?.tag == open.tag }, session, name, context)
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
        guard let session = sessions[name] else { throw ReplayFailure("connection '\(name)' is not open") }
        if !session.encrypted, session.capabilities.loginDisabled, ["PLAIN", "LOGIN"].contains(mechanism) {
            throw ReplayFailure("refusing to send the password in clear with \(mechanism): the server advertises LOGINDISABLED on this unencrypted connection (RFC 9051 §6.2.3)")
        }
        var sasl = try SASLSession(mechanism, user: context.bindings["user"] ?? "", password: context.bindings["password"] ?? "",
                                   service: "imap", host: context.target.host)
        let tag = nextTag()
        let initial = try sasl.initialResponse(allowed: session.capabilities.initialResponse)
        let shown = "\(tag) AUTHENTICATE \(sasl.name)" + (initial == nil ? "" : " " + SASLSession.maskedPayload)
        context.transcript.client(shown, on: name)
        let start = ContinuousClock.now
        try await session.client.send(Array(("\(tag) AUTHENTICATE \(sasl.name)" + (initial.map { " " + $0 } ?? "") + "\r\n").utf8))
        var received: [IMAPReceived] = []
        var verdict = ReplyVerdict(actualLines: [])
        while true {
            let next = try await receive(until: { $0.response?.tag == tag || $0.firstLine.first == UInt8(ascii: "+") }, session, name, context)
            received += next
            guard let last = next.last, last.response?.tag != tag else { break }
            let challenge = Array(last.firstLine.dropFirst(last.firstLine.starts(with: [43, 32]) ? 2 : 1))
            let answer = try sasl.answer(challenge)
            context.transcript.client(SASLSession.maskedPayload, on: name)
            try await session.client.send(Array(answer.utf8) + [13, 10])
        }
        verdict.actualLines = received.map { Array($0.firstLine) }
        if received.last?.response?.status != .ok {
            verdict.mismatch = Mismatch(expectedLine: nil, actualLine: received.count - 1, message: "the server refused \(sasl.name) authentication")
        } else {
            do { try sasl.finish() } catch { verdict.mismatch = Mismatch(expectedLine: nil, actualLine: received.count - 1, message: "SASL: \(error)") }
        }
        context.record(command: shown, expected: [], verdict: verdict, findings: received.flatMap(\.findings),
                       at: location, latency: start.duration(to: .now))
    }

    /// Reads responses until one satisfies `done`, recording each and learning capabilities.
    private func receive(until done: (IMAPReceived) -> Bool, _ session: Session, _ name: String,
                         _ context: ReplayContext) async throws -> [IMAPReceived] {
        var received: [IMAPReceived] = []
        while true {
            let next = try await session.client.receive()
            context.transcript.server(next.frame, on: name)
            received.append(next)
            absorbCapabilities([next], into: session, context)
            if done(next) { return received }
        }
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

    /// Learns capabilities (and shows them to the observer as listed), and switches to the
    /// IMAP4rev2 grammar once the server says `ENABLED IMAP4rev2` (RFC 9051 §6.3.1).
    private func absorbCapabilities(_ received: [IMAPReceived], into session: Session, _ context: ReplayContext) {
        for response in received.compactMap(\.response) {
            if let capabilities = response.capabilities {
                session.capabilities = Advertised(capabilities)
                context.connections.observer?.listed(capabilities.map(\.utf8), on: session.client.connection, renderedBy: context.transcript)
            }
            if case .untagged(.enabled(let enabled)) = response, enabled.contains(where: { $0.uppercased() == "IMAP4REV2" }) {
                session.client.use(.rev2)
            }
        }
    }

    /// The command's name, upper-cased: the first word after the tag.
    private static func verb(of shown: String, after prefix: String) -> String {
        shown.dropFirst(prefix.count).prefix { $0 != " " }.uppercased()
    }

    private static func sendsPassword(_ command: Command) -> Bool {
        let templates = [command.text] + command.literals.flatMap { $0.lines + [$0.then] }
        return templates.contains { $0.segments.contains(.variable("password")) }
    }

    private func check(_ received: [IMAPReceived], command: String?, tag: String?, expected: [ExpectedLine], at location: SourceLocation,
                       since start: ContinuousClock.Instant, _ context: ReplayContext) throws {
        let verdict = try IMAPReplyMatcher.compare(expected, with: received, tag: tag, context.bindings)
        context.record(command: command, expected: expected, verdict: verdict, findings: received.flatMap(\.findings),
                       at: location, latency: start.duration(to: .now))
    }
}
