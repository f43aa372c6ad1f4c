/// `namespace-descr`: a prefix, its hierarchy delimiter and any extension data.
public struct IMAPNamespaceDescription: Sendable, Hashable {
    public var prefix: String
    public var delimiter: UInt8?
    /// `namespace-response-extension`: a name and its string values.
    public var extensions: [IMAPTaggedExtension]

    public init(prefix: String, delimiter: UInt8?, extensions: [IMAPTaggedExtension] = []) {
        self.prefix = prefix
        self.delimiter = delimiter
        self.extensions = extensions
    }
}
