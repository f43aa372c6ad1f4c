/// `section = "[" [section-spec] "]"` (RFC 9051 §9): which part of a message BODY[…] returned.
public struct IMAPSection: Sendable, Hashable {
    /// `section-part`, e.g. [1, 2] for `1.2`; empty for the whole message.
    public var part: [UInt32]
    public var text: IMAPSectionText?

    public init(part: [UInt32] = [], text: IMAPSectionText? = nil) {
        self.part = part
        self.text = text
    }
}
