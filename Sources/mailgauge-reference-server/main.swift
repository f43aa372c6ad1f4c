import ArgumentParser
import Foundation
import MailGaugeReferenceServer

/// Starts the in-memory reference server on loopback, prints its ports, and serves until
/// interrupted. For trying MailGauge (or any mail client) against a known, fault-switchable target.
@main
struct ReferenceServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailgauge-reference-server",
        abstract: "Run MailGauge's in-memory POP3 + IMAP reference server on loopback.",
        discussion: """
            Accounts are user1..userN with passwords mg-pass-1..mg-pass-N, each with the seed \
            messages in INBOX. Exit codes: 0 after an interrupt, 2 on a usage error, 1 if the \
            server cannot start. Faults: \(Fault.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @Option(help: "How many accounts (user1..userN).")
    var users = 20

    @Option(name: .customLong("fault"), help: "A fault to inject (repeatable); see the list below.")
    var faults: [String] = []

    @Option(help: "Load the seed messages from this folder of NN.eml files instead of the built-in copies.")
    var seedFolder: String?

    @Option(help: "Write the test CA certificate (PEM) here, for --ca-file.")
    var caOut: String?

    @Flag(help: "Refuse plaintext login before STARTTLS/STLS (IMAP LOGINDISABLED).")
    var requireTLS = false

    func validate() throws {
        guard users >= 1 else { throw ValidationError("--users must be at least 1") }
        for fault in faults where Fault(rawValue: fault) == nil {
            throw ValidationError("unknown fault '\(fault)'; known: \(Fault.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        var configuration = ReferenceServer.Configuration(accounts: ReferenceAccount.numbered(users),
                                                          faults: Set(faults.compactMap(Fault.init(rawValue:))),
                                                          requireTLSForLogin: requireTLS)
        if let seedFolder { configuration.seedMessages = try SeedMessage.load(folder: seedFolder) }
        let server = try await ReferenceServer.start(configuration)
        if let caOut { try server.certificateAuthorityPEM.write(toFile: caOut, atomically: true, encoding: .utf8) }
        let host = configuration.host
        let summary = """
            pop3  pop3://\(host):\(server.ports.pop3)
            pop3s pop3s://\(host):\(server.ports.pop3s)
            imap  imap://\(host):\(server.ports.imap)
            imaps imaps://\(host):\(server.ports.imaps)
            users user1..user\(users), password mg-pass-N
            """ + (caOut.map { "\nca    \($0)" } ?? "") + (faults.isEmpty ? "" : "\nfaults \(faults.joined(separator: " "))")
        // Written unbuffered, so a script reading the ports from a pipe sees them at once.
        FileHandle.standardOutput.write(Data((summary + "\n").utf8))
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT)
        await withCheckedContinuation { continuation in
            interrupt.setEventHandler { continuation.resume() }
            interrupt.resume()
        }
        try await server.stop()
    }
}
