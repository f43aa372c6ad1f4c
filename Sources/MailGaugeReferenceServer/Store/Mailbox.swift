/// One mailbox's shared state: what every session selecting it sees (RFC 9051 §2.3, §5.2).
struct Mailbox: Sendable {
    /// The name as created; INBOX is always spelled `INBOX` (RFC 9051 §5.1).
    var name: String
    /// The RFC 6154 special-use attribute (`\Archive`, `\Sent`), if any.
    var specialUse: String?
    var uidValidity: UInt32
    /// The UID the next message added will get (RFC 9051 §2.3.1.1).
    var uidNext: UInt32
    /// The highest mod-sequence handed out in this mailbox (RFC 7162 §3.1.1).
    var highestModSeq: UInt64
    /// In sequence-number order: UIDs ascend (unless the `uidsNotAscending` fault is on).
    var messages: [StoredMessage]
    /// Messages no session has been told about yet: the next session to learn of one gets
    /// it with \Recent (RFC 3501 §2.3.2).
    var unclaimedRecent: Set<UInt32>

    /// Mod-sequences start here rather than at 1, so the `modseqDecreases` fault has room.
    static let initialModSeq: UInt64 = 1_000

    init(name: String, specialUse: String? = nil, uidValidity: UInt32) {
        self.name = name
        self.specialUse = specialUse
        self.uidValidity = uidValidity
        self.uidNext = 1
        self.highestModSeq = Self.initialModSeq
        self.messages = []
        self.unclaimedRecent = []
    }

    func index(ofUID uid: UInt32) -> Int? {
        messages.firstIndex { $0.uid == uid }
    }

    var unseenCount: Int { messages.count { !$0.flags.contains(#"\Seen"#) } }

    /// Adds a message at the end with the next UID, and returns that UID.
    /// The `uidsNotAscending` fault: the last message takes the UID of the one before it, and
    /// that one the last's; returns the last message's UID now.
    mutating func swapLastTwoUIDs() -> UInt32 {
        let last = messages.count - 1
        (messages[last].uid, messages[last - 1].uid) = (messages[last - 1].uid, messages[last].uid)
        return messages[last].uid
    }

    mutating func add(_ content: MessageContent, flags: FlagSet, internalDate: Int64, recent: Bool) -> UInt32 {
        let uid = uidNext
        uidNext += 1
        highestModSeq += 1
        messages.append(StoredMessage(uid: uid, flags: flags, internalDate: internalDate, modSeq: highestModSeq, content: content))
        if recent { unclaimedRecent.insert(uid) }
        return uid
    }
}
