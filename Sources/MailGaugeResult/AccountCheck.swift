/// Whether a run left the account as it found it: the mailboxes (IMAP) or the maildrop
/// (POP3) compared before the first case and after the last. A difference the run caused
/// touched mail that was not its own: a MailGauge bug, or a server that did not do what a
/// case asked (a STORE it dropped, an EXPUNGE of more than was marked).
public struct AccountCheck: Sendable, Codable, Equatable {
    public var unchanged: Bool
    /// What was compared, for the report: mailboxes (1 for a POP3 maildrop) and messages.
    public var mailboxes: Int
    public var messages: Int
    /// One line per difference, `INBOX: UID 7 is gone`; empty when unchanged.
    public var differences: [String]
    /// Mailboxes of this run's own that no case's cleanup removed (a case timed out, or a
    /// DELETE did not delete), removed before the comparison; nil when there were none.
    public var leftovers: [String]?

    public init(mailboxes: Int, messages: Int, differences: [String], leftovers: [String]? = nil) {
        self.unchanged = differences.isEmpty
        self.mailboxes = mailboxes
        self.messages = messages
        self.differences = differences
        self.leftovers = leftovers
    }
}
