/// One `name=value` directive of a DIGEST-MD5 message (RFC 2831 §2.1.1, §2.1.3), the unit
/// that the digest-challenge and the response-auth are made of.
///
///     directive = token "=" ( token | quoted-string )
///     quoted-string = <"> *( qdtext | "\" CHAR ) <">
///
/// Lists follow the `#rule` of RFC 2831 §7.1: elements separated by commas, with optional
/// linear white space around them and empty elements allowed.
struct DigestMD5Directive {
    /// The directive name, lower-cased: RFC 2831 directive names are case-insensitive.
    let name: String
    /// The value with the quotes removed and `\` escapes resolved.
    let value: [UInt8]

    /// Splits `bytes` into directives; `messageName` ("digest-challenge", …) is used in errors.
    static func parseList(_ bytes: [UInt8], messageName: String) throws(SASLError) -> [DigestMD5Directive] {
        var directives: [DigestMD5Directive] = []
        var index = 0
        func skipWhitespace() {
            while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            let nameStart = index
            while index < bytes.count, isTokenByte(bytes[index]) { index += 1 }
            guard index > nameStart else {
                throw SASLError(.malformedChallenge, "\(messageName) has \(SASLError.quote(bytes[index...], limit: 20)) at offset \(index) where a directive name belongs (RFC 2831 §2.1.1)")
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw SASLError(.malformedChallenge, "\(messageName) directive \(SASLError.quote(name.utf8)) has no '=' and value (RFC 2831 §2.1.1)")
            }
            index += 1
            skipWhitespace()
            var value: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                var terminated = false
                while index < bytes.count {
                    var byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: "\"") {
                        terminated = true
                        break
                    }
                    if byte == UInt8(ascii: "\\") {
                        guard index < bytes.count else { break }
                        byte = bytes[index]
                        index += 1
                    }
                    guard !isControl(byte) else {
                        throw SASLError(.malformedChallenge, "\(messageName) directive \(SASLError.quote(name.utf8)) has control byte 0x\(String(byte, radix: 16)) in its quoted value (RFC 2831 §2.1.1, qdtext is TEXT)")
                    }
                    value.append(byte)
                }
                guard terminated else {
                    throw SASLError(.malformedChallenge, "\(messageName) directive \(SASLError.quote(name.utf8)) has a quoted value without its closing '\"' (RFC 2831 §2.1.1)")
                }
            } else {
                let valueStart = index
                while index < bytes.count, isTokenByte(bytes[index]) { index += 1 }
                guard index > valueStart else {
                    throw SASLError(.malformedChallenge, "\(messageName) directive \(SASLError.quote(name.utf8)) has no value, or one that is neither a token nor a quoted string (RFC 2831 §2.1.1)")
                }
                value = Array(bytes[valueStart..<index])
            }
            skipWhitespace()
            guard index == bytes.count || bytes[index] == UInt8(ascii: ",") else {
                throw SASLError(.malformedChallenge, "\(messageName) directive \(SASLError.quote(name.utf8)) is followed by \(SASLError.quote(bytes[index...], limit: 20)) instead of ',' (RFC 2831 §2.1.1)")
            }
            directives.append(DigestMD5Directive(name: name, value: value))
        }
        return directives
    }

    /// `value` as a quoted-string: `"` and `\` escaped with `\` (RFC 2831 §2.1.2, quoted-pair).
    static func quoted(_ value: some Sequence<UInt8>) -> [UInt8] {
        var quoted = [UInt8(ascii: "\"")]
        for byte in value {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                quoted.append(UInt8(ascii: "\\"))
            }
            quoted.append(byte)
        }
        quoted.append(UInt8(ascii: "\""))
        return quoted
    }

    /// Whether `byte` is a CTL (RFC 2616 §2.2) other than HT, which TEXT excludes.
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09) || byte == 0x7F
    }

    /// Linear white space: SP, HT, and the CR LF of a folded line (RFC 2616 §2.2, LWS).
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// A `token` byte: any CHAR except CTLs and separators (RFC 2616 §2.2).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && !separators.contains(byte)
    }

    private static let separators = Set("()<>@,;:\\\"/[]?={}".utf8)
}
