/// Decides whether a message matches a SEARCH key (RFC 9051 §6.4.4). String keys match
/// case-insensitive substrings of header values and body text as stored.
struct SearchEvaluator {
    let mailbox: Mailbox
    let view: SelectedMailbox
    let largestUID: UInt32

    init(mailbox: Mailbox, view: SelectedMailbox) {
        self.mailbox = mailbox
        self.view = view
        largestUID = mailbox.messages.map(\.uid).max() ?? 0
    }

    func matches(_ key: SearchKey, message: StoredMessage, sequence: Int) -> Bool {
        let header = message.content.root.header
        switch key {
        case .all: return true
        case .flag(let flag, let present): return message.flags.contains(flag) == present
        case .recent: return view.recent.contains(message.uid)
        case .new: return view.recent.contains(message.uid) && !message.flags.contains(#"\Seen"#)
        case .old: return !view.recent.contains(message.uid)
        case .header(let field, let value):
            let values = header.fields.filter { $0.name.lowercased() == field.lowercased() }.map(\.value)
            return value.isEmpty ? !values.isEmpty : values.contains { Self.contains($0, value) }
        case .body(let value):
            return Self.contains(String(decoding: message.content.bytes[message.content.root.bodyRange], as: UTF8.self), value)
        case .text(let value):
            return Self.contains(String(decoding: message.content.bytes, as: UTF8.self), value)
        case .before(let date): return day(of: message) < date.daysSince1970
        case .on(let date): return day(of: message) == date.daysSince1970
        case .since(let date): return day(of: message) >= date.daysSince1970
        case .sentBefore(let date): return sentDay(header).map { $0 < date.daysSince1970 } ?? false
        case .sentOn(let date): return sentDay(header).map { $0 == date.daysSince1970 } ?? false
        case .sentSince(let date): return sentDay(header).map { $0 >= date.daysSince1970 } ?? false
        case .larger(let size): return message.content.size > size
        case .smaller(let size): return message.content.size < size
        case .uid(let set): return set.contains(message.uid, largest: largestUID)
        case .sequence(let set): return set.contains(UInt32(sequence), largest: UInt32(view.count))
        case .modSeq(let value): return message.modSeq >= value
        case .not(let inner): return !matches(inner, message: message, sequence: sequence)
        case .or(let first, let second):
            return matches(first, message: message, sequence: sequence) || matches(second, message: message, sequence: sequence)
        case .and(let keys): return keys.allSatisfy { matches($0, message: message, sequence: sequence) }
        }
    }

    private static func contains(_ haystack: String, _ needle: String) -> Bool {
        haystack.lowercased().contains(needle.lowercased())
    }

    /// The UTC day of INTERNALDATE (RFC 9051 §6.4.4: BEFORE/ON/SINCE ignore time and zone).
    private func day(of message: StoredMessage) -> Int64 {
        message.internalDate >= 0 ? message.internalDate / 86_400 : (message.internalDate - 86_399) / 86_400
    }

    /// The day of the Date header (`[day-name ","] day month year …`, RFC 5322 §3.3), in its own zone.
    private func sentDay(_ header: MessageHeader) -> Int64? {
        guard let value = header.value("Date") else { return nil }
        let words = value.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        for index in words.indices.dropLast(2) {
            if let day = Int(words[index]), let month = CivilDate.monthNames.firstIndex(where: { $0.lowercased() == words[index + 1].lowercased() }),
               let year = Int(words[index + 2]) {
                return CivilDate(year: year, month: month + 1, day: day).daysSince1970
            }
        }
        return nil
    }
}
