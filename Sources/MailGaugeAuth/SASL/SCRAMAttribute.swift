/// One `name=value` pair of a SCRAM message (RFC 5802 §7: `attr-val = ALPHA "=" value`), the
/// unit that both server messages are made of.
struct SCRAMAttribute {
    /// The single ASCII letter before `=`.
    let name: UInt8
    /// Everything after `=` up to the next comma; may be empty.
    let value: [UInt8]

    /// Splits `bytes` at commas; `messageName` ("server-first-message", …) is used in errors.
    static func parseList(_ bytes: [UInt8], messageName: String) throws(SASLError) -> [SCRAMAttribute] {
        var attributes: [SCRAMAttribute] = []
        for part in bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            guard part.count >= 2, isLetter(part[part.startIndex]), part[part.startIndex + 1] == UInt8(ascii: "=") else {
                throw SASLError(.malformedChallenge, "\(messageName) has \(SASLError.quote(part)) where an attribute (letter '=' value) belongs (RFC 5802 §7)")
            }
            attributes.append(SCRAMAttribute(name: part[part.startIndex], value: Array(part.dropFirst(2))))
        }
        return attributes
    }

    /// Throws `.serverError` with the server's text when this is an `e=` attribute
    /// (RFC 5802 §7, server-error).
    func throwIfServerError(in messageName: String) throws(SASLError) {
        if name == UInt8(ascii: "e") {
            throw SASLError(.serverError, "\(messageName) reports e=\(SASLError.quote(value)) (RFC 5802 §7)")
        }
    }

    /// Whether `bytes` is a valid nonce: `1*printable`, where printable is %x21-2B / %x2D-7E,
    /// i.e. visible ASCII except ',' (RFC 5802 §7).
    static func isValidNonce(_ bytes: [UInt8]) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ",") }
    }

    /// Whether `byte` is an ASCII letter (ABNF ALPHA).
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
