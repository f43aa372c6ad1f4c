import Testing
@testable import MailGaugeAuth

@Suite struct Base64Tests {
    /// RFC 4648 §10 test vectors.
    static let vectors: [(plain: String, encoded: String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]

    @Test(arguments: vectors)
    func encodesRFC4648Vectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
    }

    @Test(arguments: vectors)
    func decodesRFC4648Vectors(plain: String, encoded: String) throws {
        #expect(try Base64.decode(encoded) == Array(plain.utf8))
        #expect(try Base64.decode(Array(encoded.utf8)) == Array(plain.utf8))
    }

    @Test func roundTripsEveryByteValueAtEveryPaddingLength() throws {
        let allBytes = (0...255).map(UInt8.init)
        for length in 253...256 {
            let slice = Array(allBytes.prefix(length))
            #expect(try Base64.decode(Base64.encode(slice)) == slice)
        }
    }

    @Test(arguments: [
        "Zg",        // length not a multiple of 4
        "Zg=",       // padding cut short
        "Z===",      // three padding characters
        "Zg==Zm8=",  // padding before the end
        "Zh==",      // non-zero bits before the padding (non-canonical)
        "Zm9=",      // non-zero bits before the padding (non-canonical)
        "Zm9v\r\n",  // line break
        "Zm 9v",     // space
        "Zm9-",      // base64url alphabet
        "Zg=a",      // '=' inside the last group
        "Zm9v\u{00E9}A=",   // non-ASCII
    ])
    func rejectsMalformedInput(_ text: String) {
        let error = #expect(throws: SASLError.self) { try Base64.decode(text) }
        #expect(error?.kind == .invalidBase64)
    }
}
