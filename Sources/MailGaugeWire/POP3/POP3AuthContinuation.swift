/// A SASL server challenge during AUTH (RFC 5034 §4): a line of "+", a single SP and a
/// base64 string (possibly empty), and nothing else.
///
///     continue-req    = "+" SP [base64] CRLF
///     base64          = *(4base64-char) [base64-terminal]
///     base64-char     = ALPHA / DIGIT / "+" / "/"
///     base64-terminal = (2base64-char "==") / (3base64-char "=")
enum POP3AuthContinuation {
    static func findings(line: [UInt8], challenge: ArraySlice<UInt8>) -> [Finding] {
        if line.count == 1 {
            return [POP3Rule.authContinuation.finding("continuation \"+\" lacks the SP before its base64 challenge", line)]
        }
        guard let problem = base64Problem(challenge) else { return [] }
        return [POP3Rule.authContinuation.finding("challenge is not valid base64: \(problem)", line.prefix(80))]
    }

    /// What makes `text` invalid base64, or nil if it is valid.
    private static func base64Problem(_ text: ArraySlice<UInt8>) -> String? {
        let data = text.prefix { $0 != POP3Bytes.equals }
        let padding = text[data.endIndex...]
        if let bad = data.first(where: { !isBase64Char($0) }) {
            return "octet \(ByteEscaping.escape([bad])) is outside the base64 alphabet"
        }
        if padding.count > 2 || padding.contains(where: { $0 != POP3Bytes.equals }) {
            return "\"=\" padding may only end the string, at most twice"
        }
        if text.count % 4 != 0 {
            return "length \(text.count) is not a multiple of 4"
        }
        return nil
    }

    private static func isBase64Char(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), POP3Bytes.plus, POP3Bytes.slash:
            return true
        default:
            return false
        }
    }
}
