import NIOConcurrencyHelpers

/// All mailboxes of one user, shared by every POP3 and IMAP session logged in as that user.
///
/// One lock guards the lot; every operation is a short critical section over small arrays, so
/// event-loop threads never wait long. Observers are told of changes after the lock is released.
final class UserMailboxes: Sendable {
    struct State: Sendable {
        var mailboxes: [String: Mailbox] = [:]
        var subscriptions: Set<String> = []
        var nextUIDValidity: UInt32
        var observers: [String: [MailboxObserver]] = [:]
    }

    /// The fixed UIDVALIDITY values of the test Dovecot (`Scripts/test-server/dovecot.sh`), so
    /// POP3 unique-ids (`%08X` UID, `%08X` UIDVALIDITY) are the same on both servers.
    static let inboxUIDValidity: UInt32 = 1_704_067_200
    /// INTERNALDATE of seed message n is this plus n hours, as in the test Dovecot.
    static let seedEpoch: Int64 = 1_704_067_200

    let faults: Set<Fault>
    let state: NIOLockedValueBox<State>

    init(seed: [SeedMessage], faults: Set<Fault>) {
        self.faults = faults
        var inbox = Mailbox(name: "INBOX", uidValidity: Self.inboxUIDValidity)
        for (offset, message) in seed.enumerated() {
            _ = inbox.add(MessageContent(bytes: message.bytes), flags: FlagSet(),
                          internalDate: Self.seedEpoch + Int64(offset + 1) * 3600, recent: false)
        }
        inbox.highestModSeq = Mailbox.initialModSeq
        for index in inbox.messages.indices { inbox.messages[index].modSeq = Mailbox.initialModSeq }
        if faults.contains(.uidsNotAscending) {
            let uids = inbox.messages.map(\.uid)
            for (index, uid) in zip(inbox.messages.indices, uids.reversed()) { inbox.messages[index].uid = uid }
        }
        var state = State(nextUIDValidity: Self.inboxUIDValidity + 3)
        state.mailboxes["INBOX"] = inbox
        state.mailboxes["Archive"] = Mailbox(name: "Archive", specialUse: #"\Archive"#, uidValidity: Self.inboxUIDValidity + 1)
        state.mailboxes["Sent"] = Mailbox(name: "Sent", specialUse: #"\Sent"#, uidValidity: Self.inboxUIDValidity + 2)
        state.subscriptions = ["INBOX", "Archive", "Sent"]
        self.state = NIOLockedValueBox(state)
    }

    /// A copy of one mailbox as it is now.
    func mailbox(named name: String) -> Mailbox? {
        state.withLockedValue { $0.mailboxes[MailboxName.key(name)] }
    }

    /// Hands \Recent for `uids` to the caller: the ones no session had yet (RFC 3501 §2.3.2).
    func claimRecent(in name: String, uids: [UInt32]) -> Set<UInt32> {
        let keepForOthers = faults.contains(.recentInTwoSessions)
        return state.withLockedValue { state in
            guard let mailbox = state.mailboxes[MailboxName.key(name)] else { return [] }
            let claimed = mailbox.unclaimedRecent.intersection(uids)
            if !keepForOthers { state.mailboxes[MailboxName.key(name)]?.unclaimedRecent.subtract(claimed) }
            return claimed
        }
    }

    // MARK: Observers

    func addObserver(_ observer: MailboxObserver, for name: String) {
        state.withLockedValue { $0.observers[MailboxName.key(name), default: []].append(observer) }
    }

    func removeObserver(id: Int) {
        state.withLockedValue { state in
            for key in state.observers.keys { state.observers[key]?.removeAll { $0.id == id } }
        }
    }

    /// Runs `change` under the lock, then tells the observers of the mailboxes it names.
    func mutate<Result>(notifying names: [String], _ change: (inout State) throws -> Result) rethrows -> Result {
        let (result, observers) = try state.withLockedValue { state in
            let result = try change(&state)
            return (result, names.flatMap { state.observers[MailboxName.key($0)] ?? [] })
        }
        for observer in observers { observer.notify() }
        return result
    }

    /// The next mod-sequence of a mailbox (RFC 7162 §3.1.1), or a lower one under `modseqDecreases`.
    func nextModSeq(_ mailbox: inout Mailbox) -> UInt64 {
        if faults.contains(.modseqDecreases) {
            mailbox.highestModSeq -= 1
        } else {
            mailbox.highestModSeq += 1
        }
        return mailbox.highestModSeq
    }
}
