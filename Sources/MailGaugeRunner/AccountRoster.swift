import MailGaugeScenario

/// The run's accounts in users-file order, which `@connect name as ACCOUNT` picks from: a
/// scenario of two users (sharing, the POP3 maildrop lock) logs in as a second one.
public struct AccountRoster: Sendable {
    public let accounts: [Account]
    /// Where each user stands in `accounts`, so `as +1` costs a session one lookup.
    private let positions: [String: Int]

    public init(_ accounts: [Account]) {
        self.accounts = accounts
        positions = Dictionary(accounts.enumerated().map { ($0.element.user, $0.offset) }) { first, _ in first }
    }

    /// The account `reference` names for a session logged in as `own`; nil when the roster has none such.
    func account(_ reference: AccountReference, forSessionOf own: Account) -> Account? {
        switch reference {
        case .position(let position):
            return position <= accounts.count ? accounts[position - 1] : nil
        case .offset(let offset):
            // A session's own account outside the roster (run --user without a users file) counts as before the first.
            guard !accounts.isEmpty else { return nil }
            let index = positions[own.user] ?? -1
            let partner = accounts[(index + offset) % accounts.count]
            return partner == own ? nil : partner
        case .user(let user):
            return positions[user].map { accounts[$0] }
        }
    }

    /// Why `scenario` cannot run as `own` with these accounts (a `@connect … as 3` and a users
    /// file of two), in one line with the file and line; nil when every reference resolves.
    /// Asked once per session of a load run, so the steps are walked without being copied.
    public func unresolved(in scenario: Scenario, forSessionOf own: Account) -> String? {
        for case .connect(_, let reference?, let location) in [scenario.steps, scenario.cleanup].joined()
        where account(reference, forSessionOf: own) == nil {
            let run = accounts.count == 1 ? "the run's 1 account" : "the run's \(accounts.count) accounts"
            let needed = switch reference {
            case .position(let position): "account \(position) of \(run)"
            case .offset(let offset): "an account other than \(own.user), \(offset) after it among \(run)"
            case .user(let user): "an account for '\(user)', which is not among \(run)"
            }
            return "\(location): @connect … as \(reference) needs \(needed); name them in a --users-file"
        }
        return nil
    }
}
