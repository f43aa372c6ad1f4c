import Crypto

/// The two values one SCRAM exchange needs from the password (RFC 5802 §3): the ClientProof
/// the client sends and the ServerSignature it expects back.
///
/// Computed in one initializer so that SaltedPassword, ClientKey, StoredKey and ServerKey never
/// outlive it.
struct SCRAMProofs {
    /// `ClientKey XOR HMAC(StoredKey, AuthMessage)`.
    let clientProof: [UInt8]
    /// `HMAC(ServerKey, AuthMessage)`.
    let serverSignature: [UInt8]

    /// `password` must already be SASLprep'ed (`Normalize` in RFC 5802 §2.2).
    init<H: HashFunction>(_ hash: H.Type, password: [UInt8], salt: [UInt8], iterations: Int, authMessage: [UInt8]) {
        let saltedPassword = SymmetricKey(data: PBKDF2.firstBlock(H.self, password: password, salt: salt, iterations: iterations))
        let clientKey = HMAC<H>.authenticationCode(for: Array("Client Key".utf8), using: saltedPassword)
        let storedKey = SymmetricKey(data: H.hash(data: Array(clientKey)))
        let clientSignature = HMAC<H>.authenticationCode(for: authMessage, using: storedKey)
        clientProof = zip(clientKey, clientSignature).map { $0 ^ $1 }
        let serverKey = SymmetricKey(data: HMAC<H>.authenticationCode(for: Array("Server Key".utf8), using: saltedPassword))
        serverSignature = Array(HMAC<H>.authenticationCode(for: authMessage, using: serverKey))
    }
}
