/// One header field of a message or MIME part (RFC 5322 §2.2).
struct HeaderField: Sendable {
    /// The field name as written.
    let name: String
    /// The value after the colon, unfolded (RFC 5322 §2.2.3) with surrounding blanks trimmed.
    let value: String
    /// The field's octets in the message, folding and final CRLF included, for
    /// BODY[HEADER.FIELDS] (RFC 9051 §6.4.5), which returns fields as they are.
    let range: Range<Int>
}
