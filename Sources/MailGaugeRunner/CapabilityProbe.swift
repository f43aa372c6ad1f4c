import MailGaugeClient
import MailGaugeScenario
import MailGaugeWire

/// Asks a server what it supports, on a connection of its own, so that scenarios needing a
/// capability the server lacks are skipped rather than failed.
public enum CapabilityProbe {
    /// The capabilities as the scenario's session will see them: after STARTTLS when the
    /// target uses it; for IMAP also after logging in as `account`, since servers announce
    /// most extensions only then (RFC 9051 §6.2.3). An `observer` sees the greeting and the
    /// lists as the server sent them, as a replay's observer does.
    public static func capabilities(of target: Target, options: RunnerOptions, account: Account? = nil,
                                    observer: (any ReplayObserver)? = nil) async throws(ConnectionError) -> Set<String> {
        // Renders what the observer is shown as transcripts are: escaped, the password masked.
        var rendering = TranscriptRecorder(linesPerReply: 1, isRecording: false)
        if let account {
            var secrets = Bindings()
            secrets.set("password", to: account.password, secret: true)
            rendering.conceal(secrets)
        }
        return switch target.mailProtocol {
        case .pop3: try await pop3Capabilities(of: target, options: options, observer, rendering)
        case .imap: try await imapCapabilities(of: target, options: options, account: account, observer, rendering)
        }
    }

    /// CAPABILITY (RFC 9051 §6.1.1), upper-cased, before and after LOGIN; never LOGIN in
    /// clear where the server advertises LOGINDISABLED.
    private static func imapCapabilities(of target: Target, options: RunnerOptions, account: Account?,
                                         _ observer: (any ReplayObserver)?, _ rendering: TranscriptRecorder) async throws(ConnectionError) -> Set<String> {
        let connection = try await Connection.open(to: target, tls: options.tls, timeouts: options.timeouts)
        let client = IMAPClient(connection: connection)
        do {
            let greeting = try await client.receive()
            observer?.greeted(greeting.firstLine, on: connection, renderedBy: rendering)
            if target.security == .startTLS { _ = try await client.startTLS(tag: "P0") }
            var capabilities = try await imapCommand("P1 CAPABILITY", tag: "P1", client, observer, rendering)
            let loginAllowed = target.security != .plain || !capabilities.contains("LOGINDISABLED")
            if let account, loginAllowed {
                let login = "P2 LOGIN \(imapQuoted(account.user)) \(imapQuoted(account.password))"
                capabilities.formUnion(try await imapCommand(login, tag: "P2", client, observer, rendering))
                capabilities.formUnion(try await imapCommand("P3 CAPABILITY", tag: "P3", client, observer, rendering))
            }
            try await client.send(Array("P4 LOGOUT\r\n".utf8))
            await connection.close()
            return capabilities
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Sends one command and returns the capabilities its responses announced.
    private static func imapCommand(_ line: String, tag: String, _ client: IMAPClient,
                                    _ observer: (any ReplayObserver)?, _ rendering: TranscriptRecorder) async throws(ConnectionError) -> Set<String> {
        try await client.send(Array((line + "\r\n").utf8))
        var capabilities: Set<String> = []
        while true {
            let next = try await client.receive()
            if let list = next.response?.capabilities {
                capabilities.formUnion(list.map { $0.uppercased() })
                observer?.listed(list.map(\.utf8), on: client.connection, renderedBy: rendering)
            }
            if next.response?.tag == tag || next.firstLine.starts(with: Array("\(tag) ".utf8)) { return capabilities }
        }
    }

    /// An IMAP quoted string (RFC 9051 §4.3).
    private static func imapQuoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    /// POP3: the CAPA tags (RFC 2449 §5), upper-cased, with `SASL` arguments as `SASL=MECH`;
    /// `APOP` stands for a greeting that carries an APOP timestamp (RFC 1939 §7).
    private static func pop3Capabilities(of target: Target, options: RunnerOptions,
                                         _ observer: (any ReplayObserver)?, _ rendering: TranscriptRecorder) async throws(ConnectionError) -> Set<String> {
        let connection = try await Connection.open(to: target, tls: options.tls, timeouts: options.timeouts)
        let client = POP3Client(connection: connection)
        do {
            let greeting = try await client.receive(.greeting)
            observer?.greeted(greeting.statusLine, on: connection, renderedBy: rendering)
            if target.security == .startTLS { _ = try await client.startTLS() }
            try await client.send("CAPA")
            let reply = try await client.receive(.multiLine(verb: "CAPA"))
            if reply.status == .ok { observer?.listed(reply.body ?? [], on: connection, renderedBy: rendering) }
            var capabilities: Set<String> = []
            for line in reply.body ?? [] {
                let words = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self).uppercased() }
                guard let tag = words.first else { continue }
                capabilities.insert(tag)
                if tag == "SASL" { capabilities.formUnion(words.dropFirst().map { "SASL=\($0)" }) }
            }
            if POP3Greeting.apopTimestamp(in: greeting.statusLine) != nil { capabilities.insert("APOP") }
            try await client.send("QUIT")
            _ = try await client.receive(.singleLine(verb: "QUIT"))
            await connection.close()
            return capabilities
        } catch {
            await connection.close()
            throw error
        }
    }
}
