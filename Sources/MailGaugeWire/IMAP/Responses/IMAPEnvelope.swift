/// `envelope` (RFC 9051 §7.5.2): the parsed header fields of a message.
public struct IMAPEnvelope: Sendable, Hashable {
    public var date: String?
    public var subject: String?
    public var from: [IMAPAddress]
    public var sender: [IMAPAddress]
    public var replyTo: [IMAPAddress]
    public var to: [IMAPAddress]
    public var cc: [IMAPAddress]
    public var bcc: [IMAPAddress]
    public var inReplyTo: String?
    public var messageID: String?

    public init(date: String?, subject: String?, from: [IMAPAddress], sender: [IMAPAddress],
                replyTo: [IMAPAddress], to: [IMAPAddress], cc: [IMAPAddress], bcc: [IMAPAddress],
                inReplyTo: String?, messageID: String?) {
        self.date = date
        self.subject = subject
        self.from = from
        self.sender = sender
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.inReplyTo = inReplyTo
        self.messageID = messageID
    }
}
