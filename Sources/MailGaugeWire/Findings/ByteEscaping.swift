/// Renders raw protocol bytes so that every octet is visible on a terminal or in a report.
public enum ByteEscaping {
    /// Printable ASCII stays as it is; CR, LF and TAB become `\r`, `\n`, `\t`; every other
    /// octet becomes `\xNN`. A backslash is doubled only where it would otherwise read as one
    /// of those escapes (before `r`, `n`, `t`, `x` or another backslash), so IMAP's `\Seen`
    /// reads as sent and the result stays pure ASCII and reversible.
    public static func escape<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        // Built as bytes and decoded once: appending to a String byte by byte is what a
        // load run's checked sessions would spend most of their time on.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount)
        func escaped(_ letter: UInt8) {
            out.append(backslash)
            out.append(letter)
        }
        var pendingBackslash = false
        for byte in bytes {
            if pendingBackslash {
                out.append(backslash)
                if ambiguousAfterBackslash.contains(byte) { out.append(backslash) }
                pendingBackslash = false
            }
            switch byte {
            case UInt8(ascii: "\r"): escaped(UInt8(ascii: "r"))
            case UInt8(ascii: "\n"): escaped(UInt8(ascii: "n"))
            case UInt8(ascii: "\t"): escaped(UInt8(ascii: "t"))
            case backslash: pendingBackslash = true
            case 0x20...0x7E: out.append(byte)
            default:
                escaped(UInt8(ascii: "x"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        if pendingBackslash { out.append(backslash) }
        return String(decoding: out, as: UTF8.self)
    }

    private static let backslash = UInt8(ascii: "\\")
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The octets that begin an escape when they follow a backslash.
    private static let ambiguousAfterBackslash: Set<UInt8> = Set("rntx\\".utf8)
}
