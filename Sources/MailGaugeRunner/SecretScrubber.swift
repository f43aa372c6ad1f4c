import MailGaugeScenario

/// Replaces secret values in text that did not come from a template, such as a server echoing
/// a password back in an error line, so no secret reaches output through a side door.
struct SecretScrubber: Sendable {
    private var secrets: [String] = []

    /// Adds the bindings' secrets; one they no longer hold stays masked, as when a second
    /// connection's account replaces the first's `${password}`, which a server may still echo.
    mutating func update(from bindings: Bindings) {
        let added = bindings.secretValues.filter { !secrets.contains($0) }
        guard !added.isEmpty else { return }
        secrets = (secrets + added).sorted { $0.count > $1.count }
    }

    func scrub(_ text: String) -> String {
        // Looking for the bytes first: replacing() searches by Character, far slower than a
        // byte search, and a secret is rarely there.
        secrets.reduce(text) { text, secret in
            text.utf8.firstRange(of: secret.utf8) == nil ? text : text.replacing(secret, with: Bindings.mask)
        }
    }
}
