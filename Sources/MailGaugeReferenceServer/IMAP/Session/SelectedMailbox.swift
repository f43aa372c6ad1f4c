/// One session's view of its selected mailbox (RFC 9051 §5.2, §7.5.1): the messages it has
/// been told about, in sequence-number order, with the flags it last reported. Other
/// sessions' changes reach it only through `synchronize`, which yields the untagged updates
/// to send, so sequence numbers never shift under the client unannounced.
final class SelectedMailbox {
    struct Known {
        var flags: FlagSet
        var modSeq: UInt64
    }

    /// What changed since the last synchronisation, in the order it must be reported.
    struct Updates {
        /// Sequence numbers for EXPUNGE responses, each valid after the ones before it.
        var expunged: [Int] = []
        /// The new EXISTS count, when messages arrived.
        var exists: Int?
        var recentCount: Int?
        /// Messages whose flags another session changed: (sequence number, UID).
        var flagChanges: [(sequence: Int, uid: UInt32)] = []
    }

    let name: String
    let readOnly: Bool
    /// UIDs in sequence order; may still hold messages expunged elsewhere but not yet announced.
    private(set) var uids: [UInt32]
    private(set) var known: [UInt32: Known]
    /// Messages this session reports with \Recent (RFC 3501 §2.3.2).
    private(set) var recent: Set<UInt32>

    init(mailbox: Mailbox, readOnly: Bool, recent: Set<UInt32>) {
        name = mailbox.name
        self.readOnly = readOnly
        uids = mailbox.messages.map(\.uid)
        known = Dictionary(uniqueKeysWithValues: mailbox.messages.map { ($0.uid, Known(flags: $0.flags, modSeq: $0.modSeq)) })
        self.recent = recent
    }

    var count: Int { uids.count }

    func sequenceNumber(of uid: UInt32) -> Int? {
        uids.firstIndex(of: uid).map { $0 + 1 }
    }

    /// Records flags the session has just reported itself, so they are not reported again.
    func noteReported(uid: UInt32, flags: FlagSet, modSeq: UInt64) {
        known[uid] = Known(flags: flags, modSeq: modSeq)
    }

    /// Brings the view up to `mailbox`. Expunges are applied only when `allowExpunge`
    /// (RFC 9051 §7.5.1 forbids EXPUNGE during FETCH, STORE and SEARCH); `claimRecent` hands
    /// \Recent for new messages to this session.
    func synchronize(with mailbox: Mailbox, allowExpunge: Bool, claimRecent: ([UInt32]) -> Set<UInt32>) -> Updates {
        var updates = Updates()
        let current = Dictionary(mailbox.messages.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        if allowExpunge {
            for index in uids.indices.reversed() where current[uids[index]] == nil {
                updates.expunged.append(index + 1)
                known[uids[index]] = nil
                recent.remove(uids[index])
                uids.remove(at: index)
            }
        }
        let seen = Set(uids)
        let arrived = mailbox.messages.filter { !seen.contains($0.uid) }
        if !arrived.isEmpty {
            uids.append(contentsOf: arrived.map(\.uid))
            for message in arrived { known[message.uid] = Known(flags: message.flags, modSeq: message.modSeq) }
            recent.formUnion(claimRecent(arrived.map(\.uid)))
            updates.exists = uids.count
            updates.recentCount = recent.count
        }
        for (index, uid) in uids.enumerated() {
            guard let message = current[uid], let view = known[uid], view.modSeq != message.modSeq || view.flags != message.flags else { continue }
            known[uid] = Known(flags: message.flags, modSeq: message.modSeq)
            updates.flagChanges.append((index + 1, uid))
        }
        return updates
    }
}
