import MailGaugeClient
import MailGaugeScenario
import MailGaugeWire

/// One IMAP connection of a `ScriptedReplay`: each call is an exchange the IMAP dialect
/// carries out as it would a scenario's `C:`/`S:` lines, so tags, literals, the grammar check,
/// the secret guard and recording are the dialect's, never the caller's.
package struct IMAPScriptedConnection {
    let replay: ScriptedReplay
    package let name: String
    /// The greeting, as it arrived (before STARTTLS, when the connection was upgraded).
    package let greeting: IMAPReceived

    /// LOGIN with the account's user name and password as quoted strings (RFC 9051 §6.2.3);
    /// refused by the dialect where the password may not cross this connection.
    package func login() async throws {
        let responses = try await command("LOGIN ${quoted_user} ${quoted_password}")
        if responses.last?.response?.status != .ok { throw ScriptFailure("\(name): LOGIN was refused") }
    }

    /// Sends `tag text` (`text` read as a `C:` line) and reads to the tagged completion; the
    /// step fails when the completion is not `expecting` (nil: any), or a response breaks the
    /// grammar or what an attached auditor follows.
    @discardableResult
    package func command(_ text: String, expecting status: IMAPStatus? = .ok) async throws -> [IMAPReceived] {
        try await exchange(.scripted(text, expecting: [Self.completion(status)], at: replay.nextLocation()))
    }

    /// APPEND (RFC 9051 §6.3.12) of `message`, its lines joined with CRLF, as a synchronising
    /// literal; the step fails unless the server completes it OK.
    @discardableResult
    package func append(to mailbox: String, _ message: [String]) async throws -> [IMAPReceived] {
        try await exchange(.scripted("APPEND \(mailbox)", literal: message, expecting: [Self.completion(.ok)], at: replay.nextLocation()))
    }

    /// Sends `tag text` without waiting: its completion is read by `completePipelined()`, or
    /// with this connection's next command. Commands on several connections can be put in
    /// flight at the same moment this way.
    package func send(_ text: String) async throws {
        _ = try await exchange(.scripted(text, expecting: [], at: replay.nextLocation()))
    }

    /// Reads the completions of every command `send` put in flight here, checking each.
    @discardableResult
    package func completePipelined() async throws -> [IMAPReceived] {
        replay.context.current = name
        return try await replay.imapDialect.completePipelined(replay.context)
    }

    /// STARTTLS (RFC 9051 §6.2.1) with `pipelining` in the same write, then the handshake.
    @discardableResult
    package func startTLS(pipelining: String = "") async throws -> [IMAPReceived] {
        replay.context.current = name
        return try await replay.imapDialect.startTLS(pipelining: Array(pipelining.utf8), replay.context)
    }

    /// CAPABILITY (RFC 9051 §6.1.1): the names listed now, upper-cased.
    package func capabilities() async throws -> Set<String> {
        let responses = try await command("CAPABILITY", expecting: nil)
        return Set(responses.compactMap(\.response?.capabilities).last?.map { $0.uppercased() } ?? [])
    }

    /// Follows every response from here on with `auditor`.
    package func attach(_ auditor: any IMAPSessionAuditor) throws {
        try replay.imapDialect.session(name).auditor = auditor
    }

    /// What the server sends of its own accord within `window`, recorded in the transcript.
    package func unsolicitedBytes(within window: Duration) async throws -> [UInt8]? {
        try await replay.unsolicitedBytes(on: replay.imapDialect.session(name).client.connection, named: name, within: window)
    }

    /// A line in the transcript, on this connection, saying what the script does and why.
    package func note(_ text: String) {
        replay.note(text, on: name)
    }

    /// LOGOUT (RFC 9051 §6.1.3), then closes the connection whatever the server answered.
    package func logout() async {
        _ = try? await command("LOGOUT", expecting: nil)
        await close()
    }

    package func close() async {
        try? await replay.imapDialect.session(name).client.connection.close()
    }

    private func exchange(_ exchange: Exchange) async throws -> [IMAPReceived] {
        replay.context.current = name
        return try await replay.imapDialect.exchange(exchange, replay.context)
    }

    /// The `S:` line for a tagged completion of `status` (nil: any).
    private static func completion(_ status: IMAPStatus?) -> String {
        status.map { "\($0.rawValue) {*}" } ?? "{*}"
    }
}
