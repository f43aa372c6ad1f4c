import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// Two sessions add different flags to one message at the same moment; both flags stay.
/// `+FLAGS` adds to the message's flags as they are, not as a session last saw them
/// (RFC 9051 §6.4.6), and flags are state shared between sessions (RFC 9051 §5.2). Both
/// STOREs are written before either reply is read, several rounds over, so a server whose
/// STORE reads and writes the flags in two steps loses one of them.
public struct ConcurrentFlagsProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/imap-concurrent-flags"
    public let title = "+FLAGS from two sessions at the same moment are both kept"
    public let references = ["RFC 9051 §6.4.6", "RFC 9051 §5.2"]
    public let mailProtocol = MailProtocol.imap

    /// How many times both STOREs are put in flight together.
    static let rounds = 5

    public func run(_ context: ProbeContext) async throws {
        let main = try await context.imapSession("main")
        let other = try await context.imapSession("other")
        try await context.withScratchMailbox(createdBy: main) { mailbox in
            for session in [main, other] {
                try Self.requirePermanentFlags(try await session.selectWritable(mailbox), session.name)
            }
            try await context.withScratchMessage(in: mailbox, appendedBy: main) { token in
                let uid = try await main.scratchUID(token, appendedBy: main.name)
                // The other session has seen the message's flags: a server writing back what a session
                // last saw, rather than what the message has, loses the first session's flag.
                _ = try await other.flags(ofUID: uid)
                var rounds: [String] = []
                var lost = 0
                for round in 1...Self.rounds {
                    try await main.send("UID STORE \(uid) +FLAGS (\\Flagged)")
                    try await other.send("UID STORE \(uid) +FLAGS (\\Answered)")
                    try await main.completePipelined()
                    try await other.completePipelined()
                    let flags = try await main.flags(ofUID: uid)
                    let kept = flags.contains("\\Flagged") && flags.contains("\\Answered")
                    if !kept { lost += 1 }
                    rounds.append("round \(round): FLAGS (\(flags.joined(separator: " ")))\(kept ? "" : " — a flag was lost")")
                    try await main.command("UID STORE \(uid) -FLAGS.SILENT (\\Flagged \\Answered)")
                }
                context.verify("both sessions' flags are kept in each of \(Self.rounds) rounds", citing: "RFC 9051 §6.4.6",
                               holds: lost == 0, observed: rounds)
            }
        }
        await other.logout()
        await main.logout()
    }

    /// Skips unless \Flagged and \Answered can be stored permanently (RFC 9051 §7.1,
    /// PERMANENTFLAGS): otherwise a kept flag proves nothing.
    private static func requirePermanentFlags(_ selected: [IMAPReceived], _ name: String) throws {
        for case .permanentFlags(let flags) in selected.compactMap(\.response?.responseCode) {
            let permanent = Set(flags.map { $0.lowercased() })
            if !permanent.contains("\\*"), !permanent.isSuperset(of: ["\\flagged", "\\answered"]) {
                throw ScriptSkipped("needs \\Flagged and \\Answered in PERMANENTFLAGS; \(name) got (\(flags.joined(separator: " ")))")
            }
        }
    }
}
