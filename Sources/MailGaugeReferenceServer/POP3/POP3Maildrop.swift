/// The maildrop of one POP3 session (RFC 1939 §5): INBOX as it was at login, numbered from 1,
/// with the messages this session marked deleted. Other sessions' changes are not seen until
/// the next login; DELE takes effect only in the UPDATE state.
struct POP3Maildrop {
    struct Entry {
        let uid: UInt32
        let content: MessageContent
    }

    let entries: [Entry]
    let uidValidity: UInt32
    private(set) var deleted: Set<Int> = []

    init(inbox: Mailbox) {
        entries = inbox.messages.map { Entry(uid: $0.uid, content: $0.content) }
        uidValidity = inbox.uidValidity
    }

    /// The entry for a message number argument, unless it is not a number, out of range, or
    /// marked deleted ("-ERR no such message", RFC 1939 §5).
    func entry(_ argument: String?) -> Result<(number: Int, entry: Entry), POP3MaildropError> {
        guard let argument, let number = Int(argument), number >= 1 else { return .failure(.invalidNumber) }
        guard number <= entries.count else { return .failure(.noSuchMessage) }
        guard !deleted.contains(number) else { return .failure(.deleted) }
        return .success((number, entries[number - 1]))
    }

    var live: [(number: Int, entry: Entry)] {
        entries.enumerated().compactMap { deleted.contains($0.offset + 1) ? nil : ($0.offset + 1, $0.element) }
    }

    mutating func delete(_ number: Int) { deleted.insert(number) }
    mutating func undeleteAll() { deleted.removeAll() }

    var deletedUIDs: Set<UInt32> { Set(deleted.map { entries[$0 - 1].uid }) }

    /// The unique-id listing value (RFC 1939 §7), in the test Dovecot's format
    /// `%08X` UID `%08X` UIDVALIDITY, so both servers give the same ids.
    func uniqueID(of entry: Entry) -> String {
        String(entry.uid, radix: 16, uppercase: true).leftPadded(to: 8)
            + String(uidValidity, radix: 16, uppercase: true).leftPadded(to: 8)
    }
}

/// Why a message number was refused.
enum POP3MaildropError: Error {
    case invalidNumber, noSuchMessage, deleted

    var text: String {
        switch self {
        case .invalidNumber: "invalid message number"
        case .noSuchMessage: "no such message"
        case .deleted: "message is deleted"
        }
    }
}
