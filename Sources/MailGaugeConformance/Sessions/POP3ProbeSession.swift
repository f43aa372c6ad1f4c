import Foundation
import MailGaugeClient
import MailGaugeWire

/// One POP3 connection driven by a probe: every reply is recorded in the probe's log and
/// grammar-checked by the decoder.
final class POP3ProbeSession {
    let name: String
    let client: POP3Client
    private let log: ProbeLog
    private let account: (user: String, password: String)

    private init(name: String, client: POP3Client, log: ProbeLog, account: (String, String)) {
        self.name = name
        self.client = client
        self.log = log
        self.account = account
    }

    /// Connects and reads the greeting; upgrades with STLS when `upgrade` (by default when the
    /// target uses it). A probe of STLS itself opens with `upgrade: false`.
    static func open(_ name: String, _ context: ProbeContext, upgrade: Bool? = nil) async throws -> POP3ProbeSession {
        let connection = try await context.connect(name, upgradable: upgrade == false)
        let session = POP3ProbeSession(name: name, client: POP3Client(connection: connection), log: context.log,
                                       account: (context.account.user, context.account.password))
        let greeting = try await session.client.receive(.greeting)
        session.log.server(greeting.wireBytes, on: name)
        session.log.record(nil, on: name, reply: [greeting.statusLine], findings: greeting.findings)
        if upgrade ?? (context.target.security == .startTLS) { try await session.startTLS() }
        return session
    }

    /// STLS (RFC 2595 §4) with `pipelining` in the same write.
    @discardableResult
    func startTLS(pipelining: String = "") async throws -> POP3Response {
        log.client("STLS", on: name)
        if !pipelining.isEmpty { log.client(pipelining.trimmingCharacters(in: .newlines) + "   (same write, in clear)", on: name) }
        let start = ContinuousClock.now
        let reply = try await client.startTLS(pipelining: Array(pipelining.utf8))
        log.server(reply.wireBytes, on: name)
        log.event("TLS established", on: name)
        log.record("STLS", on: name, reply: [reply.statusLine], findings: reply.findings, latency: start.duration(to: .now))
        return reply
    }

    /// USER and PASS (RFC 1939 §7); the password never reaches the log.
    func login() async throws {
        try await command("USER \(account.user)")
        let reply = try await command("PASS \(account.password)", shown: "PASS [REDACTED]")
        if reply.status != .ok { throw ProbeFailure("\(name): PASS was refused") }
    }

    /// Sends one command and reads its reply; the step fails when the status is not
    /// `expecting` (nil: any) or the reply breaks the grammar.
    @discardableResult
    func command(_ line: String, expecting: POP3Status? = .ok, shown: String? = nil) async throws -> POP3Response {
        log.client(shown ?? line, on: name)
        let start = ContinuousClock.now
        try await client.send(line)
        let reply = try await client.receive(POP3ReplyContext.forCommand(line))
        log.server(reply.wireBytes, on: name)
        let problem = expecting.flatMap { $0 == reply.status ? nil : "expected \($0.rawValue)" }
        log.record(shown ?? line, on: name, expected: expecting.map { ["\($0.rawValue){*}"] } ?? [],
                   reply: [reply.statusLine] + (reply.body ?? []), problem: problem, findings: reply.findings,
                   latency: start.duration(to: .now))
        return reply
    }

    /// QUIT (RFC 1939 §6), then closes the connection.
    func quit() async {
        _ = try? await command("QUIT", expecting: nil)
        await client.connection.close()
    }
}
