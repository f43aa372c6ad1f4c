import Crypto

/// The APOP proof of RFC 1939 §7: MD5 of the greeting's timestamp followed by the shared secret.
public enum APOPDigest {
    /// Lower-case hex, as RFC 1939 §7 requires. `timestamp` includes its angle brackets.
    public static func compute(timestamp: [UInt8], secret: String) -> String {
        let digest = Insecure.MD5.hash(data: timestamp + Array(secret.utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
