import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// UIDVALIDITY changes only when UIDs are reassigned (RFC 9051 §2.3.1.1): two sessions, a
/// second selection and STATUS must all report the same value for an untouched mailbox.
/// INBOX is only ever EXAMINEd (RFC 9051 §6.3.3), so the probe changes nothing, not even
/// \Recent. STATUS comes from a third session that selects nothing, as STATUS is not for the
/// selected mailbox (§6.3.11), and no step but those the verdict rests on can fail the probe.
public struct UIDValidityProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/imap-uidvalidity-stable"
    public let title = "UIDVALIDITY is the same across sessions, selections and STATUS"
    public let references = ["RFC 9051 §2.3.1.1", "RFC 9051 §6.3.11"]
    public let mailProtocol = MailProtocol.imap

    public func run(_ context: ProbeContext) async throws {
        let main = try await context.imapSession("main")
        let other = try await context.imapSession("other")
        var seen: [(String, UInt64?)] = []
        seen.append(("main EXAMINE", try await main.command("EXAMINE INBOX").codeNumber("UIDVALIDITY")))
        seen.append(("other EXAMINE", try await other.command("EXAMINE INBOX").codeNumber("UIDVALIDITY")))
        seen.append(("main EXAMINE again", try await main.command("EXAMINE INBOX").codeNumber("UIDVALIDITY")))
        let unselected = try await context.imapSession("status")
        seen.append(("status STATUS", try await unselected.command("STATUS INBOX (UIDVALIDITY)").statusValue("UIDVALIDITY")))
        context.verify("every session and command reports one UIDVALIDITY for INBOX", citing: "RFC 9051 §2.3.1.1",
                       holds: Set(seen.map(\.1)).count == 1 && seen[0].1 != nil,
                       observed: seen.map { "\($0.0): \($0.1.map(String.init) ?? "none")" })
        for session in [unselected, other, main] { await session.logout() }
    }
}
