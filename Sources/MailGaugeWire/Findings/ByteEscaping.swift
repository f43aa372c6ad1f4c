/// Renders raw protocol bytes so that every octet is visible on a terminal or in a report.
public enum ByteEscaping {
    /// Printable ASCII stays as it is; CR, LF and TAB become `\r`, `\n`, `\t`; a backslash is
    /// doubled; every other octet becomes `\xNN`. The result is pure ASCII and reversible.
    public static func escape<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\t"): out += "\\t"
            case UInt8(ascii: "\\"): out += "\\\\"
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
