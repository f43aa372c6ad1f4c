/// Every account's mailboxes, built once at start-up and shared by all sessions.
final class MailStore: Sendable {
    private let users: [String: UserMailboxes]
    private let passwords: [String: String]

    init(configuration: ReferenceServer.Configuration) {
        var users: [String: UserMailboxes] = [:]
        var passwords: [String: String] = [:]
        let shared = configuration.faults.contains(.accountsShareMailboxes)
            ? UserMailboxes(seed: configuration.seedMessages, faults: configuration.faults) : nil
        for account in configuration.accounts {
            users[account.user] = shared ?? UserMailboxes(seed: configuration.seedMessages, faults: configuration.faults)
            passwords[account.user] = account.password
        }
        self.users = users
        self.passwords = passwords
    }

    /// The user's mailboxes when the password is right; nil otherwise.
    func authenticate(user: String, password: String) -> UserMailboxes? {
        guard let expected = passwords[user], expected == password else { return nil }
        return users[user]
    }

    /// The password of a known user, for checking APOP digests (RFC 1939 §7).
    func password(of user: String) -> String? {
        passwords[user]
    }

    func mailboxes(of user: String) -> UserMailboxes? {
        users[user]
    }
}
