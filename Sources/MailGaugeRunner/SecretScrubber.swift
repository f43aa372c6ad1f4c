import MailGaugeScenario

/// Replaces secret values in text that did not come from a template, such as a server echoing
/// a password back in an error line, so no secret reaches output through a side door.
struct SecretScrubber: Sendable {
    private var secrets: [String] = []

    mutating func update(from bindings: Bindings) {
        secrets = bindings.secretValues.sorted { $0.count > $1.count }
    }

    func scrub(_ text: String) -> String {
        // Looking for the bytes first: replacing() searches by Character, which costs a load
        // run more than the rest of its session, and a secret is rarely there.
        secrets.reduce(text) { text, secret in
            Self.occurs(secret.utf8, in: text.utf8) ? text.replacing(secret, with: Bindings.mask) : text
        }
    }

    private static func occurs(_ needle: String.UTF8View, in haystack: String.UTF8View) -> Bool {
        guard let first = needle.first else { return false }
        var rest = haystack[...]
        while let found = rest.firstIndex(of: first) {
            rest = rest[found...]
            if rest.starts(with: needle) { return true }
            rest = rest.dropFirst()
        }
        return false
    }
}
