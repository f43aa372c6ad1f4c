/// A tag and its `tagged-ext-val` (RFC 4466 §2.1): LIST extended items, ESEARCH return data.
public struct IMAPTaggedExtension: Sendable, Hashable {
    public var tag: String
    public var value: IMAPTaggedExtensionValue

    public init(tag: String, value: IMAPTaggedExtensionValue) {
        self.tag = tag
        self.value = value
    }
}
