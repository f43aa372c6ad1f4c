/// Message flags (RFC 9051 §2.3.2): system flags in their canonical spelling, keywords as
/// first written. Flags compare case-insensitively, as clients spell them either way.
struct FlagSet: Sendable, Hashable, Sequence {
    /// The system flags a client may set; \Recent is session state, never stored here.
    static let systemFlags = [#"\Answered"#, #"\Flagged"#, #"\Deleted"#, #"\Seen"#, #"\Draft"#]

    private var byKey: [String: String] = [:]

    init<Flags: Sequence>(_ flags: Flags) where Flags.Element == String {
        for flag in flags { insert(flag) }
    }

    init() {}

    mutating func insert(_ flag: String) {
        let canonical = Self.systemFlags.first { $0.lowercased() == flag.lowercased() } ?? flag
        byKey[flag.lowercased()] = canonical
    }

    mutating func remove(_ flag: String) {
        byKey[flag.lowercased()] = nil
    }

    func contains(_ flag: String) -> Bool {
        byKey[flag.lowercased()] != nil
    }

    /// System flags first, then keywords alphabetically: a stable order for responses.
    var ordered: [String] {
        let system = Self.systemFlags.filter(contains)
        let keywords = byKey.values.filter { !$0.hasPrefix("\\") }.sorted()
        return system + keywords
    }

    func makeIterator() -> IndexingIterator<[String]> {
        ordered.makeIterator()
    }

    func union<Flags: Sequence>(_ other: Flags) -> FlagSet where Flags.Element == String {
        var result = self
        for flag in other { result.insert(flag) }
        return result
    }

    func subtracting<Flags: Sequence>(_ other: Flags) -> FlagSet where Flags.Element == String {
        var result = self
        for flag in other { result.remove(flag) }
        return result
    }
}
