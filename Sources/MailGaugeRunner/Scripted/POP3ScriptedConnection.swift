import MailGaugeClient
import MailGaugeScenario
import MailGaugeWire

/// One POP3 connection of a `ScriptedReplay`: each call is an exchange the POP3 dialect
/// carries out as it would a scenario's, with its secret guard, limits and recording.
package struct POP3ScriptedConnection {
    let replay: ScriptedReplay
    package let name: String

    /// USER and PASS (RFC 1939 §7); the dialect sends no PASS where the server wants TLS first.
    package func login() async throws {
        try await command("USER ${user}")
        let reply = try await command("PASS ${password}")
        if reply.status != .ok { throw ScriptFailure("\(name): PASS was refused") }
    }

    /// Sends one command and reads its reply; the step fails when the status is not
    /// `expecting` (nil: any) or the reply breaks the grammar.
    @discardableResult
    package func command(_ line: String, expecting status: POP3Status? = .ok) async throws -> POP3Response {
        replay.context.current = name
        let exchange = try Exchange.scripted(line, expecting: [status.map { "\($0.rawValue){*}" } ?? "{*}"], at: replay.nextLocation())
        guard let reply = try await replay.pop3Dialect.exchange(exchange, replay.context) else {
            preconditionFailure("an exchange with an expected line is never pipelined")
        }
        return reply
    }

    /// STLS (RFC 2595 §4) with `pipelining` in the same write, then the handshake.
    @discardableResult
    package func startTLS(pipelining: String = "") async throws -> POP3Response {
        replay.context.current = name
        return try await replay.pop3Dialect.startTLS(pipelining: Array(pipelining.utf8), replay.context)
    }

    /// CAPA (RFC 2449 §5): the capability tags, upper-cased, with `SASL` arguments as `SASL=MECH`.
    package func capabilities() async throws -> Set<String> {
        let reply = try await command("CAPA", expecting: nil)
        return POP3CapabilityList(lines: reply.status == .ok ? reply.body ?? [] : PackedLines()).names
    }

    /// What the server sends of its own accord within `window`, recorded in the transcript.
    package func unsolicitedBytes(within window: Duration) async throws -> [UInt8]? {
        try await replay.unsolicitedBytes(on: replay.pop3Dialect.session(name).client.connection, named: name, within: window)
    }

    /// QUIT (RFC 1939 §6), then closes the connection.
    package func quit() async {
        _ = try? await command("QUIT", expecting: nil)
        await close()
    }

    package func close() async {
        try? await replay.pop3Dialect.session(name).client.connection.close()
    }
}
