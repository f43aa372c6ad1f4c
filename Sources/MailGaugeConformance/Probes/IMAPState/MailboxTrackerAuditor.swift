import MailGaugeRunner
import MailGaugeWire

/// An `IMAPMailboxTracker` attached to a probe's connection: the runner's IMAP dialect shows
/// it every command and response, and the findings it reports join the step they came in.
final class MailboxTrackerAuditor: IMAPSessionAuditor {
    private var tracker = IMAPMailboxTracker()

    func begin(_ command: String) {
        tracker.begin(command)
    }

    func observe(_ response: IMAPResponse, bytes: [UInt8]) -> [Finding] {
        tracker.observe(response, bytes: bytes)
    }
}
