/// Lower-case hexadecimal, as CRAM-MD5 (RFC 2195 §2) and DIGEST-MD5 (RFC 2831 §2.1.2.1, LHEX)
/// send their digests.
enum LowercaseHex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
