import Crypto

/// PBKDF2 with HMAC (RFC 8018 §5.2), first block only.
///
/// SCRAM's `Hi(str, salt, i)` (RFC 5802 §2.2) is exactly this: one block, whose length is the
/// hash's output length. Built on Crypto's `HMAC` so that MailGaugeAuth needs no second
/// crypto module; generic over the hash so SCRAM-SHA-1 and SCRAM-SHA-256 share it.
enum PBKDF2 {
    /// `U1 = HMAC(password, salt + INT(1))`, `Un = HMAC(password, Un-1)`, result `U1 ^ … ^ Ui`.
    /// `iterations` must be at least 1; callers validate it first.
    static func firstBlock<H: HashFunction>(
        _ hash: H.Type, password: [UInt8], salt: [UInt8], iterations: Int
    ) -> [UInt8] {
        precondition(iterations >= 1, "PBKDF2 needs at least one iteration")
        let key = SymmetricKey(data: password)
        var block = Array(HMAC<H>.authenticationCode(for: salt + [0, 0, 0, 1], using: key))
        var result = block
        for _ in 1..<iterations {
            block = Array(HMAC<H>.authenticationCode(for: block, using: key))
            for index in result.indices {
                result[index] ^= block[index]
            }
        }
        return result
    }
}
