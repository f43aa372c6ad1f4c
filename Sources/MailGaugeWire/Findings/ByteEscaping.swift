/// Renders raw protocol bytes so that every octet is visible on a terminal or in a report.
public enum ByteEscaping {
    /// Printable ASCII stays as it is; CR, LF and TAB become `\r`, `\n`, `\t`; every other
    /// octet becomes `\xNN`. A backslash is doubled only where it would otherwise read as one
    /// of those escapes (before `r`, `n`, `t`, `x` or another backslash), so IMAP's `\Seen`
    /// reads as sent and the result stays pure ASCII and reversible.
    public static func escape<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out = ""
        var pendingBackslash = false
        for byte in bytes {
            if pendingBackslash {
                out += ambiguousAfterBackslash.contains(byte) ? "\\\\" : "\\"
                pendingBackslash = false
            }
            switch byte {
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\t"): out += "\\t"
            case UInt8(ascii: "\\"): pendingBackslash = true
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        if pendingBackslash { out += "\\" }
        return out
    }

    /// The octets that begin an escape when they follow a backslash.
    private static let ambiguousAfterBackslash: Set<UInt8> = Set("rntx\\".utf8)
}
