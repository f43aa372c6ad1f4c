/// Base64 of RFC 4648 §4 (standard alphabet, with padding), as SASL uses it on the wire
/// (IMAP RFC 9051 §6.2.2, POP3 RFC 5034 §4) and inside SCRAM messages (RFC 5802 §7).
///
/// Decoding is strict, because a conformance tester must notice what a lenient decoder
/// would forgive: no whitespace or line breaks, length a multiple of four, padding only at
/// the end, and the unused bits of the last character zero (RFC 4648 §3.5 lets decoders
/// reject non-canonical encodings; we do).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let padding = UInt8(ascii: "=")

    /// Encodes `bytes` with padding.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let chunk = input[index..<min(index + 3, input.count)]
            let group = chunk.enumerated().reduce(UInt32(0)) { bits, pair in
                bits | UInt32(pair.element) << (16 - 8 * pair.offset)
            }
            for position in 0..<4 {
                let sextet = Int(group >> (18 - 6 * position) & 0x3F)
                output.append(position <= chunk.count ? alphabet[sextet] : padding)
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes base64 text; see the type's notes for what is rejected.
    public static func decode(_ text: String) throws(SASLError) -> [UInt8] {
        try decode(Array(text.utf8))
    }

    /// Decodes base64 given as bytes (as they come off the wire).
    public static func decode(_ encoded: some Collection<UInt8>) throws(SASLError) -> [UInt8] {
        let input = Array(encoded)
        guard input.count % 4 == 0 else {
            throw SASLError(.invalidBase64, "length \(input.count) is not a multiple of 4 (RFC 4648 §4)")
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3)
        var index = 0
        while index < input.count {
            let isLastGroup = index + 4 == input.count
            let group = input[index..<index + 4]
            let padCount = group.reversed().prefix { $0 == padding }.count
            guard padCount <= 2 else {
                throw SASLError(.invalidBase64, "more than two '=' in the group at offset \(index) (RFC 4648 §4)")
            }
            guard padCount == 0 || isLastGroup else {
                throw SASLError(.invalidBase64, "padding '=' before the end, in the group at offset \(index) (RFC 4648 §3.2)")
            }
            var bits: UInt32 = 0
            for (offset, character) in group.dropLast(padCount).enumerated() {
                guard let sextet = sextetValue(character) else {
                    throw SASLError(.invalidBase64, "byte 0x\(String(character, radix: 16)) at offset \(index + offset) is not in the alphabet (RFC 4648 §4)")
                }
                bits |= UInt32(sextet) << (18 - 6 * offset)
            }
            let byteCount = 3 - padCount
            guard bits & (0xFFFFFF >> (8 * byteCount)) == 0 else {
                throw SASLError(.invalidBase64, "non-zero bits before the padding at offset \(index) (RFC 4648 §3.5)")
            }
            for position in 0..<byteCount {
                output.append(UInt8(truncatingIfNeeded: bits >> (16 - 8 * position)))
            }
            index += 4
        }
        return output
    }

    private static func sextetValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
