/// How strictly and how deeply `IMAPResponseParser` reads.
public struct IMAPParserOptions: Sendable, Hashable {
    /// Which revision's grammar to hold the server to.
    public var version: IMAPGrammarVersion
    /// Deepest nesting of body structures and parenthesised lists; a guard against hostile input
    /// exhausting the stack, since `body` and `body-extension` are recursive.
    public var maxDepth: Int

    public init(version: IMAPGrammarVersion = .rev1, maxDepth: Int = 64) {
        self.version = version
        self.maxDepth = maxDepth
    }
}
