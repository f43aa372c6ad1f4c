import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// Every change to a message gives it a higher mod-sequence than it had (RFC 7162 §3.1.1), and
/// HIGHESTMODSEQ never goes down; the session's tracker also reports any MODSEQ that decreases.
public struct ModSeqProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/imap-modseq-increases"
    public let title = "MODSEQ increases with every flag change"
    public let references = ["RFC 7162 §3.1.1", "RFC 7162 §3.1.2"]
    public let mailProtocol = MailProtocol.imap
    public let requirements = ["CONDSTORE"]

    public func run(_ context: ProbeContext) async throws {
        let main = try await context.imapSession("main")
        try await context.withScratchMailbox(createdBy: main) { mailbox in
            try await context.withScratchMessage(in: mailbox, appendedBy: main) { token in
                let highest = try await main.selectWritable(mailbox, parameters: "(CONDSTORE)").codeNumber("HIGHESTMODSEQ")
                let uid = try await main.scratchUID(token, appendedBy: main.name)
                var modSeqs: [UInt64] = []
                for command in ["UID FETCH \(uid) (MODSEQ)", "UID STORE \(uid) +FLAGS (\\Flagged)", "UID STORE \(uid) -FLAGS (\\Flagged)"] {
                    modSeqs += try await main.command(command).compactMap { $0.response?.modSeq }
                }
                let highestAfter = try await main.command("SELECT \(mailbox) (CONDSTORE)").codeNumber("HIGHESTMODSEQ")
                context.verify("each flag change raises the message's MODSEQ", citing: "RFC 7162 §3.1.1",
                               holds: modSeqs.count == 3 && zip(modSeqs, modSeqs.dropFirst()).allSatisfy { $0 < $1 },
                               observed: ["MODSEQ after fetch, +FLAGS, -FLAGS: \(modSeqs.map(String.init).joined(separator: ", "))"])
                context.verify("HIGHESTMODSEQ does not go down", citing: "RFC 7162 §3.1.2",
                               holds: (highest ?? 0) <= (highestAfter ?? 0) && (modSeqs.last ?? 0) <= (highestAfter ?? 0),
                               observed: ["HIGHESTMODSEQ before \(highest.map(String.init) ?? "none"), after \(highestAfter.map(String.init) ?? "none")"])
            }
        }
        await main.logout()
    }
}

extension IMAPResponse {
    /// The MODSEQ of an untagged FETCH response (RFC 7162 §3.1.4).
    var modSeq: UInt64? {
        guard case .untagged(.fetch(_, let attributes)) = self else { return nil }
        for case .modSeq(let value) in attributes { return value }
        return nil
    }
}
