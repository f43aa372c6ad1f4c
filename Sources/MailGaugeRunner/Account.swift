/// The mailbox a scenario logs in as. The password never appears in anything printed or written.
public struct Account: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    public var description: String { user }
}
