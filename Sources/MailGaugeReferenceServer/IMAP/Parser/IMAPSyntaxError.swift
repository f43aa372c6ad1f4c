/// A command that does not follow the grammar of RFC 9051 §9: answered with a tagged BAD.
struct IMAPSyntaxError: Error, Sendable {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
