/// Which IMAP specification the server is held to where the two differ: RFC 9051 dropped
/// RECENT, LSUB, the UNSEEN response code and the RFC822 fetch items, made ESEARCH, BINARY,
/// NAMESPACE, ENABLE and UIDPLUS core, allowed UTF-8 in text, and made `[text]` optional.
public enum IMAPGrammarVersion: String, Sendable, Hashable, CaseIterable {
    /// IMAP4rev1, RFC 3501.
    case rev1
    /// IMAP4rev2, RFC 9051.
    case rev2
}
