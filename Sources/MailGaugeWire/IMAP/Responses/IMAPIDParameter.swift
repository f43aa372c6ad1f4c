/// One field of an ID response (RFC 2971 §3.3), e.g. `"name" "Dovecot"`.
public struct IMAPIDParameter: Sendable, Hashable {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}
