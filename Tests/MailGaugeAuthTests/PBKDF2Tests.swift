import Crypto
import Testing
@testable import MailGaugeAuth

@Suite struct PBKDF2Tests {
    /// RFC 6070 §2 vectors for PBKDF2-HMAC-SHA1 with dkLen 20 (one block), password "password", salt "salt".
    @Test(arguments: [
        (1, "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
        (2, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
        (4096, "4b007901b765489abead49d926f721d065a429c1"),
    ])
    func matchesRFC6070SHA1Vectors(iterations: Int, expected: String) {
        let key = PBKDF2.firstBlock(Insecure.SHA1.self, password: Array("password".utf8), salt: Array("salt".utf8), iterations: iterations)
        #expect(LowercaseHex.encode(key) == expected)
    }

    /// The same inputs with HMAC-SHA-256 and dkLen 32 (one block); values cross-checked with an
    /// independent PBKDF2 implementation.
    @Test(arguments: [
        (1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        (2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        (4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
    ])
    func matchesSHA256Vectors(iterations: Int, expected: String) {
        let key = PBKDF2.firstBlock(SHA256.self, password: Array("password".utf8), salt: Array("salt".utf8), iterations: iterations)
        #expect(LowercaseHex.encode(key) == expected)
    }
}
