/// `mailbox-list` of LIST and LSUB (RFC 9051 §7.3.1, RFC 5258 extended items).
public struct IMAPMailboxListing: Sendable, Hashable {
    /// Name attributes such as `\HasNoChildren`, as sent.
    public var attributes: [String]
    /// The hierarchy delimiter; nil when the server sent NIL (flat namespace).
    public var delimiter: UInt8?
    /// The mailbox name, still in modified UTF-7 when the server uses it.
    public var name: String
    /// `mbox-list-extended` items such as CHILDINFO or OLDNAME.
    public var extendedItems: [IMAPTaggedExtension]

    public init(attributes: [String], delimiter: UInt8?, name: String, extendedItems: [IMAPTaggedExtension] = []) {
        self.attributes = attributes
        self.delimiter = delimiter
        self.name = name
        self.extendedItems = extendedItems
    }
}
