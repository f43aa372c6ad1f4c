/// Cuts an IMAP response (its first line, or the whole frame with literals inline) into
/// `IMAPLineToken`s.
///
/// Lenient by design: it serves matching, not checking (the grammar parser reports
/// violations). Anything that is not a delimiter is word text, an unterminated quoted string
/// runs to the end, and a `{` that starts no literal is word text.
package enum IMAPLineLexer {
    package static func tokens(_ units: [IMAPLineUnit]) -> [IMAPLineToken] {
        var tokens: [IMAPLineToken] = []
        var index = 0
        while index < units.count {
            switch units[index].octet {
            case UInt8(ascii: " "): tokens.append(.space); index += 1
            case UInt8(ascii: "("): tokens.append(.openParen); index += 1
            case UInt8(ascii: ")"): tokens.append(.closeParen); index += 1
            case UInt8(ascii: "["): tokens.append(.openBracket); index += 1
            case UInt8(ascii: "]"): tokens.append(.closeBracket); index += 1
            case UInt8(ascii: "\""):
                let (value, next) = quoted(units, from: index + 1)
                tokens.append(.string(value))
                index = next
            case UInt8(ascii: "{") where literal(units, at: index) != nil:
                let (token, next) = literal(units, at: index)!
                tokens.append(token)
                index = next
            default:
                var end = index + 1
                while end < units.count, !isDelimiter(units, at: end) { end += 1 }
                tokens.append(.word(Array(units[index..<end])))
                index = end
            }
        }
        return tokens
    }

    private static func isDelimiter(_ units: [IMAPLineUnit], at index: Int) -> Bool {
        switch units[index].octet {
        case UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\""):
            true
        case UInt8(ascii: "{"):
            literal(units, at: index) != nil
        default:
            false
        }
    }

    /// quoted = DQUOTE *QUOTED-CHAR DQUOTE; QUOTED-CHAR = <any TEXT-CHAR except quoted-specials> /
    /// "\" quoted-specials. The value without its escapes, and the index after the closing quote.
    private static func quoted(_ units: [IMAPLineUnit], from start: Int) -> ([IMAPLineUnit], Int) {
        var value: [IMAPLineUnit] = []
        var index = start
        while index < units.count {
            let unit = units[index]
            if unit.octet == UInt8(ascii: "\"") { return (value, index + 1) }
            if unit.octet == UInt8(ascii: "\\"), index + 1 < units.count {
                index += 1
            }
            value.append(units[index])
            index += 1
        }
        return (value, index)
    }

    /// literal = "{" number64 ["+"] "}" CRLF *CHAR8. With the content in the input, a string
    /// of it; at the end of the input, the announcement as written (its size may be a hole).
    /// Only the size's own units are scanned for the `}`: a search to the next `}` anywhere
    /// made a line of many `{` quadratic (a hostile 900 KB FETCH line took minutes).
    private static func literal(_ units: [IMAPLineUnit], at open: Int) -> (IMAPLineToken, Int)? {
        var close = open + 1
        while close < units.count, isSizeUnit(units[close]) { close += 1 }
        guard close < units.count, units[close] == .octet(UInt8(ascii: "}")) else { return nil }
        if close == units.count - 1 {
            return (.literalAnnouncement(Array(units[open...close])), close + 1)
        }
        let inner = units[(open + 1)..<close]
        var digits = inner.compactMap(\.octet)
        if digits.last == UInt8(ascii: "+") { digits.removeLast() }
        let contentStart = close + 3
        guard digits.count + (inner.last == .octet(UInt8(ascii: "+")) ? 1 : 0) == inner.count, !digits.isEmpty,
              digits.allSatisfy(IMAPCharacterClass.isDigit),
              units[close + 1] == .octet(13), close + 2 < units.count, units[close + 2] == .octet(10),
              let size = Int(String(decoding: digits, as: UTF8.self)), contentStart + size <= units.count
        else { return nil }
        return (.string(Array(units[contentStart..<(contentStart + size)])), contentStart + size)
    }

    private static func isSizeUnit(_ unit: IMAPLineUnit) -> Bool {
        guard let byte = unit.octet else { return true }
        return IMAPCharacterClass.isDigit(byte) || byte == UInt8(ascii: "+")
    }
}
