/// A user the reference server accepts, with the password it checks for USER/PASS, APOP,
/// LOGIN and AUTHENTICATE PLAIN.
public struct ReferenceAccount: Sendable, Hashable {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// `user1` … `userN` with passwords `mg-pass-1` … `mg-pass-N`: the accounts of the private
    /// Dovecot in `Scripts/test-server`, so scenarios and users files work against either.
    public static func numbered(_ count: Int) -> [ReferenceAccount] {
        (1...max(1, count)).map { ReferenceAccount(user: "user\($0)", password: "mg-pass-\($0)") }
    }
}
