/// `tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"` (RFC 4466 §2.1): a word or
/// a parenthesised, possibly nested, list of words.
public indirect enum IMAPTaggedExtensionValue: Sendable, Hashable {
    case word(String)
    case list([IMAPTaggedExtensionValue])
}
