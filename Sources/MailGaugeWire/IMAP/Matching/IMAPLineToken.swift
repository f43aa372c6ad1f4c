/// A lexical token of an IMAP response line, as `IMAPLineLexer` cuts it (RFC 9051 §4).
///
/// Only the distinctions that decide whether two encodings mean the same are kept: a quoted
/// string and a literal are both `.string` (their value), while an atom stays a `.word`.
package enum IMAPLineToken: Sendable, Hashable {
    /// One SP; IMAP separates with exactly one, so runs of them stay visible.
    case space
    case openParen, closeParen
    case openBracket, closeBracket
    /// A run of atom text: an atom, a number, a flag (`\Seen`), NIL, a sequence set.
    case word([IMAPLineUnit])
    /// The value of a quoted string (escapes removed) or of a literal (its content).
    case string([IMAPLineUnit])
    /// `{n}` or `{n+}` ending the input: a literal whose content the input does not hold
    /// (a first line only); kept as written.
    case literalAnnouncement([IMAPLineUnit])
}
