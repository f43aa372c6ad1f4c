/// `namespace-response` (RFC 2342, RFC 9051 §7.3.5): personal, other users' and shared namespaces.
public struct IMAPNamespaceResponse: Sendable, Hashable {
    public var personal: [IMAPNamespaceDescription]
    public var otherUsers: [IMAPNamespaceDescription]
    public var shared: [IMAPNamespaceDescription]

    public init(personal: [IMAPNamespaceDescription], otherUsers: [IMAPNamespaceDescription], shared: [IMAPNamespaceDescription]) {
        self.personal = personal
        self.otherUsers = otherUsers
        self.shared = shared
    }
}
