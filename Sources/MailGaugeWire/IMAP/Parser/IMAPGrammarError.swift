/// Why a rule did not match: the rule, where, and what it needed. Cheap to create, because
/// backtracking makes and discards many; only the one that survives becomes a `Finding`.
struct IMAPGrammarError: Error, Sendable {
    let rule: IMAPGrammarRule
    let offset: Int
    let expected: String
    /// The input ended first: more bytes might have matched (the framer's business, not a violation).
    let isIncomplete: Bool
}
