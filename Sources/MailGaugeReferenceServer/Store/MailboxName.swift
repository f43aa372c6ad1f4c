/// Mailbox naming rules (RFC 9051 §5.1): `/` separates levels and INBOX is case-insensitive.
enum MailboxName {
    static let delimiter: Character = "/"

    /// The key a mailbox is stored under: INBOX in upper case, other names as given.
    static func key(_ name: String) -> String {
        name.uppercased() == "INBOX" ? "INBOX" : name
    }

    /// The names of the levels above `name` (`a/b/c` → `a`, `a/b`).
    static func ancestors(of name: String) -> [String] {
        let parts = name.split(separator: delimiter, omittingEmptySubsequences: false)
        guard parts.count > 1 else { return [] }
        return (1..<parts.count).map { parts[0..<$0].joined(separator: String(delimiter)) }
    }

    /// LIST wildcard matching (RFC 9051 §6.3.9): `*` matches anything, `%` anything but the
    /// delimiter. INBOX matches case-insensitively.
    static func matches(_ name: String, pattern: String) -> Bool {
        let name = Array(key(name)), pattern = Array(pattern.uppercased().hasPrefix("INBOX") ? "INBOX" + pattern.dropFirst(5) : pattern)
        return match(name[...], pattern[...])
    }

    private static func match(_ name: ArraySlice<Character>, _ pattern: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        let rest = pattern.dropFirst()
        switch first {
        case "*":
            return (0...name.count).contains { match(name.dropFirst($0), rest) }
        case "%":
            let limit = name.firstIndex(of: delimiter).map { $0 - name.startIndex } ?? name.count
            return (0...limit).contains { match(name.dropFirst($0), rest) }
        default:
            guard name.first == first else { return false }
            return match(name.dropFirst(), rest)
        }
    }
}
