/// The IMAP4rev1 RFC822 fetch items (RFC 3501 §7.4.2).
public enum IMAPRFC822Part: String, Sendable, Hashable, CaseIterable {
    case message = "RFC822"
    case header = "RFC822.HEADER"
    case text = "RFC822.TEXT"
}
