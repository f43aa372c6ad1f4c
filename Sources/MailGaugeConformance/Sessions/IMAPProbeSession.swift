import Foundation
import MailGaugeClient
import MailGaugeWire

/// One IMAP connection driven by a probe: every command's responses are recorded in the
/// probe's log, grammar-checked by the decoder and followed by an `IMAPMailboxTracker`, so a
/// probe only states the rule it is about.
final class IMAPProbeSession {
    let name: String
    let client: IMAPClient
    private let log: ProbeLog
    private let account: (user: String, password: String)
    private var tracker = IMAPMailboxTracker()
    private var commandCount = 0
    /// The capabilities last announced on this connection, upper-cased.
    private(set) var capabilities: Set<String> = []

    private init(name: String, client: IMAPClient, log: ProbeLog, account: (String, String)) {
        self.name = name
        self.client = client
        self.log = log
        self.account = account
    }

    /// Connects and reads the greeting; upgrades with STARTTLS when `upgrade` (by default when
    /// the target uses it). A probe of STARTTLS itself opens with `upgrade: false`.
    static func open(_ name: String, _ context: ProbeContext, upgrade: Bool? = nil) async throws -> IMAPProbeSession {
        let connection = try await context.connect(name, upgradable: upgrade == false)
        let session = IMAPProbeSession(name: name, client: IMAPClient(connection: connection), log: context.log,
                                       account: (context.account.user, context.account.password))
        let greeting = try await session.receive()[0]
        session.log.record(nil, on: name, reply: [Array(greeting.firstLine)], findings: greeting.findings)
        if upgrade ?? (context.target.security == .startTLS) { try await session.startTLS() }
        return session
    }

    /// STARTTLS (RFC 9051 §6.2.1) with `pipelining` in the same write; returns the responses.
    @discardableResult
    func startTLS(pipelining: String = "") async throws -> [IMAPReceived] {
        let tag = nextTag()
        log.client("\(tag) STARTTLS", on: name)
        if !pipelining.isEmpty { log.client(pipelining.trimmingCharacters(in: .newlines) + "   (same write, in clear)", on: name) }
        let start = ContinuousClock.now
        let received = try await client.startTLS(tag: tag, pipelining: Array(pipelining.utf8))
        received.forEach { log.server($0.frame, on: name) }
        log.event("TLS established", on: name)
        log.record("\(tag) STARTTLS", on: name, reply: received.map { Array($0.firstLine) },
                   findings: received.flatMap(\.findings), latency: start.duration(to: .now))
        capabilities = []
        return received
    }

    /// LOGIN with quoted strings (RFC 9051 §6.2.3); the password never reaches the log.
    func login() async throws {
        let quoted = { (text: String) in "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" }
        let responses = try await command("LOGIN \(quoted(account.user)) \(quoted(account.password))",
                                          shown: "LOGIN \(quoted(account.user)) [REDACTED]")
        if responses.last?.response?.status != .ok { throw ProbeFailure("\(name): LOGIN was refused") }
    }

    /// Sends `tag text` and reads to the tagged completion; the step fails when the completion
    /// is not `expecting` (nil: any) or a response breaks the grammar or the tracked state.
    @discardableResult
    func command(_ text: String, expecting: IMAPStatus? = .ok, shown: String? = nil) async throws -> [IMAPReceived] {
        let tag = nextTag()
        tracker.begin(text)
        log.client("\(tag) \(shown ?? text)", on: name)
        let start = ContinuousClock.now
        try await client.send(Array("\(tag) \(text)\r\n".utf8))
        let received = try await receive(until: { $0.response?.tag == tag })
        record("\(tag) \(shown ?? text)", received, expecting: expecting, since: start)
        return received
    }

    /// APPEND (RFC 9051 §6.3.12) of `message` (lines joined with CRLF) with a synchronising literal.
    @discardableResult
    func append(to mailbox: String, _ message: [String]) async throws -> [IMAPReceived] {
        let content = Array(message.map { $0 + "\r\n" }.joined().utf8)
        let tag = nextTag()
        let line = "\(tag) APPEND \(mailbox) {\(content.count)}"
        tracker.begin("APPEND")
        log.client(line, on: name)
        let start = ContinuousClock.now
        try await client.send(Array((line + "\r\n").utf8))
        var received = try await receive(until: { $0.response?.tag == tag || $0.firstLine.first == UInt8(ascii: "+") })
        if received.last?.response?.tag != tag {
            message.forEach { log.client($0, on: name) }
            try await client.send(content + [13, 10])
            received += try await receive(until: { $0.response?.tag == tag })
        }
        record(line, received, expecting: .ok, since: start)
        if received.last?.response?.status != .ok { throw ProbeFailure("\(name): APPEND to \(mailbox) was refused") }
        return received
    }

    /// LOGOUT (RFC 9051 §6.1.3), then closes the connection whatever the server answered.
    func logout() async {
        _ = try? await command("LOGOUT", expecting: nil)
        await client.connection.close()
    }

    /// Reads responses until one satisfies `done`, recording each and the capabilities it announces.
    func receive(until done: (IMAPReceived) -> Bool = { _ in true }) async throws -> [IMAPReceived] {
        var received: [IMAPReceived] = []
        while true {
            let next = try await client.receive()
            log.server(next.frame, on: name)
            if let announced = next.response?.capabilities { capabilities = Set(announced.map { $0.uppercased() }) }
            received.append(next)
            if done(next) { return received }
        }
    }

    private func record(_ command: String, _ received: [IMAPReceived], expecting: IMAPStatus?, since start: ContinuousClock.Instant) {
        var findings = received.flatMap(\.findings)
        for response in received {
            if let parsed = response.response { findings += tracker.observe(parsed, bytes: response.frame) }
        }
        let status = received.last?.response?.status
        let problem = expecting.flatMap { $0 == status ? nil : "expected \($0.rawValue), got \(status?.rawValue ?? "no completion")" }
        log.record(command, on: name, expected: expecting.map { ["\($0.rawValue) {*}"] } ?? [],
                   reply: received.map { Array($0.firstLine) }, problem: problem, findings: findings, latency: start.duration(to: .now))
    }

    private func nextTag() -> String {
        commandCount += 1
        return "\(name.prefix(1))\(commandCount)"
    }
}
