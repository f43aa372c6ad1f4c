import Crypto

/// The hash a SCRAM mechanism is built on, named by its mechanism: SCRAM-SHA-1 (RFC 5802 §4)
/// and SCRAM-SHA-256 (RFC 7677 §3). The only place where the two part ways; everything else
/// is the generic code in `SCRAMProofs` and `PBKDF2`.
public enum SCRAMHashFunction: String, Sendable {
    case sha1 = "SCRAM-SHA-1"
    case sha256 = "SCRAM-SHA-256"

    /// The registered SASL mechanism name.
    public var mechanismName: String { rawValue }

    func proofs(password: [UInt8], salt: [UInt8], iterations: Int, authMessage: [UInt8]) -> SCRAMProofs {
        switch self {
        case .sha1:
            SCRAMProofs(Insecure.SHA1.self, password: password, salt: salt, iterations: iterations, authMessage: authMessage)
        case .sha256:
            SCRAMProofs(SHA256.self, password: password, salt: salt, iterations: iterations, authMessage: authMessage)
        }
    }
}
