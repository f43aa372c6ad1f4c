/// One `status-att-val` of a STATUS response (RFC 9051 §7.3.4), e.g. `MESSAGES 12`.
public struct IMAPStatusAttribute: Sendable, Hashable {
    public var name: String
    public var value: UInt64

    public init(name: String, value: UInt64) {
        self.name = name
        self.value = value
    }
}
