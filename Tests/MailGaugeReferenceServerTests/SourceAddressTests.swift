import MailGaugeClient
import Testing

/// `bench --source-address`: connections go out from the addresses given, in turn.
struct SourceAddressTests {
    @Test func connectionsTakeTheAddressesInTurn() async throws {
        let sources = try SourceAddresses("127.0.0.2-127.0.0.3,127.0.0.5")
        #expect(sources.count == 3)
        let addresses = try await RunningServer.with { server, _ in
            var seen: [String] = []
            for _ in 0..<4 {
                let connection = try await Connection.open(to: Target(url: "imap://127.0.0.1:\(server.ports.imap)"), from: sources.take())
                seen.append(connection.localAddress?.ipAddress ?? "?")
                await connection.close()
            }
            return seen
        }
        #expect(addresses == ["127.0.0.2", "127.0.0.3", "127.0.0.5", "127.0.0.2"])
    }

    @Test(arguments: [
        ("127.0.0.9-127.0.0.2", "--source-address: '127.0.0.9-127.0.0.2' is not a range"),
        ("127.0.0.2-127.0.1.9", "--source-address: '127.0.0.2-127.0.1.9' is not a range"),
        ("localhost", "--source-address: 'localhost' is not an IP address"),
        (",", "--source-address: no source address in ','"),
    ])
    func aMalformedSpecIsRefused(spec: String, message: String) {
        let error = #expect(throws: SourceAddressError.self) { try SourceAddresses(spec) }
        #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "")")
    }
}
