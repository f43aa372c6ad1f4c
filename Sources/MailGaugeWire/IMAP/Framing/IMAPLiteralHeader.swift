/// Progress through a literal announcement `{n}` or `{n+}` (RFC 9051 §4.3, RFC 7888).
///
/// A literal8 `~{n}` (RFC 3516, RFC 9051 §4.3.1) frames exactly like `{n}`: its tilde is an
/// ordinary byte before the brace, so the framer needs no separate state for it.
struct IMAPLiteralHeader: Sendable, Hashable {
    /// Octet count read so far; saturates rather than overflowing on absurd announcements.
    var count = 0
    var digitCount = 0
    /// `+` seen: a non-synchronizing literal, which servers must not send (the parser reports it).
    var isNonSynchronizing = false
    /// `}` seen: only a line end may follow for this to be a literal.
    var isClosed = false

    /// Feeds one byte; false when the byte cannot continue a header, so `{` was just text.
    mutating func accept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9") where !isNonSynchronizing:
            let (times10, o1) = count.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(byte &- UInt8(ascii: "0")))
            count = (o1 || o2) ? Int.max : sum
            digitCount += 1
        case UInt8(ascii: "+") where digitCount > 0 && !isNonSynchronizing:
            isNonSynchronizing = true
        case UInt8(ascii: "}") where digitCount > 0:
            isClosed = true
        default:
            return false
        }
        return true
    }
}
