/// `address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"` (RFC 9051 §9).
/// A NIL host marks the start (mailbox = group name) or end (mailbox NIL) of an RFC 5322 group.
public struct IMAPAddress: Sendable, Hashable {
    public var name: String?
    public var adl: String?
    public var mailbox: String?
    public var host: String?

    public init(name: String?, adl: String?, mailbox: String?, host: String?) {
        self.name = name
        self.adl = adl
        self.mailbox = mailbox
        self.host = host
    }
}
