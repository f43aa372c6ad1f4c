import MailGaugeClient
import MailGaugeWire

/// Asks a server what it supports, on a connection of its own, so that scenarios needing a
/// capability the server lacks are skipped rather than failed.
public enum CapabilityProbe {
    /// POP3: the CAPA tags (RFC 2449 §5), upper-cased, after STLS when the target uses it;
    /// `APOP` stands for a greeting that carries an APOP timestamp (RFC 1939 §7).
    public static func capabilities(of target: Target, options: RunnerOptions) async throws(ConnectionError) -> Set<String> {
        let connection = try await Connection.open(to: target, tls: options.tls, timeouts: options.timeouts)
        let client = POP3Client(connection: connection)
        do {
            let greeting = try await client.receive(.greeting)
            if target.security == .startTLS { _ = try await client.startTLS() }
            try await client.send("CAPA")
            let reply = try await client.receive(.multiLine(verb: "CAPA"))
            var capabilities = Set((reply.body ?? []).compactMap { line in
                line.split(separator: UInt8(ascii: " ")).first.map { String(decoding: $0, as: UTF8.self).uppercased() }
            })
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
