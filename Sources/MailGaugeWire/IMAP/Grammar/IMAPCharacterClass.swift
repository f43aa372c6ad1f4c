/// The octet classes of the IMAP grammar (RFC 9051 §9, RFC 5234 appendix B.1).
package enum IMAPCharacterClass {
    /// CTL = %x00-1F / %x7F.
    static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// ATOM-CHAR = <any CHAR except atom-specials>;
    /// atom-specials = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials.
    package static func isAtomChar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: " "),
             UInt8(ascii: "%"), UInt8(ascii: "*"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "]"):
            return false
        default:
            return byte < 0x80 && !isControl(byte)
        }
    }

    /// ASTRING-CHAR = ATOM-CHAR / resp-specials.
    static func isAstringChar(_ byte: UInt8) -> Bool { isAtomChar(byte) || byte == UInt8(ascii: "]") }

    /// tag = 1*<any ASTRING-CHAR except "+">.
    static func isTagChar(_ byte: UInt8) -> Bool { isAstringChar(byte) && byte != UInt8(ascii: "+") }

    /// TEXT-CHAR = <any CHAR except CR and LF>, CHAR = %x01-7F. Octets above 0x7F are judged by
    /// the caller: IMAP4rev2 allows UTF-8 in text, IMAP4rev1 does not.
    static func isTextChar(_ byte: UInt8) -> Bool {
        byte != 0 && byte != 0x0D && byte != 0x0A && byte < 0x80
    }

    /// base64-char = ALPHA / DIGIT / "+" / "/".
    static func isBase64Char(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// ASCII upper-casing, for the grammar's case-insensitive string literals (RFC 5234 §2.3).
    package static func upper(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "a") < 26 ? byte - 0x20 : byte
    }
}
