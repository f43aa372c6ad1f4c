/// The server's DIGEST-MD5 digest-challenge, parsed (RFC 2831 §2.1.1):
///
///     digest-challenge = 1#( realm | nonce | qop-options | stale | maxbuf | charset
///                            | algorithm | cipher-opts | auth-param )
///
/// `realm` may repeat; `nonce` and `algorithm` must appear exactly once, every other known
/// directive at most once; unknown directives (auth-param) are ignored, as §2.1.1 asks.
/// `stale`, `maxbuf` and `cipher` only matter for subsequent authentication and the security
/// layers, which this client does not do, so they are checked for repetition only.
///
/// Leniency: the grammar quotes `realm`, `nonce` and `qop` and leaves `charset` and `algorithm`
/// bare, but every value is accepted either way: Dovecot quotes all of them.
struct DigestMD5Challenge {
    /// The realms offered, in order; empty when the server offered none. A realm may be empty
    /// (Dovecot sends `realm=""` when it has none configured).
    let realms: [[UInt8]]
    /// The server nonce, unquoted; never empty.
    let nonce: [UInt8]
    /// The qop-options, lower-cased; `["auth"]` when the server sent none.
    let qopOptions: [String]
    /// Whether the server sent `charset=utf-8`, i.e. the strings are UTF-8 rather than ISO 8859-1.
    let isUTF8: Bool

    /// RFC 2831 §2.1.1: "The size of a digest-challenge MUST be less than 2048 bytes."
    static let maximumSize = 2047
    private static let messageName = "digest-challenge"
    private static let singleDirectives: Set<String> = ["nonce", "qop", "stale", "maxbuf", "charset", "algorithm", "cipher"]

    init(parsing bytes: [UInt8]) throws(SASLError) {
        guard !bytes.isEmpty else {
            throw SASLError(.malformedChallenge, "DIGEST-MD5 \(Self.messageName) is empty (RFC 2831 §2.1.1)")
        }
        guard bytes.count <= Self.maximumSize else {
            throw SASLError(.malformedChallenge, "DIGEST-MD5 \(Self.messageName) is \(bytes.count) bytes; it must be less than 2048 (RFC 2831 §2.1.1)")
        }
        var realms: [[UInt8]] = []
        var single: [String: [UInt8]] = [:]
        for directive in try DigestMD5Directive.parseList(bytes, messageName: Self.messageName) {
            if directive.name == "realm" {
                realms.append(directive.value)
            } else if Self.singleDirectives.contains(directive.name) {
                guard single.updateValue(directive.value, forKey: directive.name) == nil else {
                    throw SASLError(.malformedChallenge, "\(Self.messageName) has \(directive.name) more than once (RFC 2831 §2.1.1)")
                }
            }
        }
        guard let nonce = single["nonce"] else {
            throw SASLError(.malformedChallenge, "\(Self.messageName) has no nonce, which is required (RFC 2831 §2.1.1)")
        }
        guard !nonce.isEmpty else {
            throw SASLError(.malformedChallenge, "\(Self.messageName) nonce is empty (RFC 2831 §2.1.1)")
        }
        guard let algorithm = single["algorithm"] else {
            throw SASLError(.malformedChallenge, "\(Self.messageName) has no algorithm, which is required (RFC 2831 §2.1.1)")
        }
        guard Self.lowercased(algorithm) == "md5-sess" else {
            throw SASLError(.malformedChallenge, "\(Self.messageName) algorithm=\(SASLError.quote(algorithm)) is not md5-sess (RFC 2831 §2.1.1)")
        }
        if let charset = single["charset"], Self.lowercased(charset) != "utf-8" {
            throw SASLError(.malformedChallenge, "\(Self.messageName) charset=\(SASLError.quote(charset)) is not utf-8, the only value allowed (RFC 2831 §2.1.1)")
        }
        let qopOptions = single["qop"].map { qop in
            Self.lowercased(qop).split(separator: ",").map { $0.trimmingLinearWhitespace() }
        } ?? ["auth"]
        guard qopOptions.contains("auth") else {
            throw SASLError(.malformedChallenge, "\(Self.messageName) qop=\(SASLError.quote(single["qop"] ?? [])) does not offer auth, the only quality of protection this client does (RFC 2831 §2.1.1)")
        }
        self.realms = realms
        self.nonce = nonce
        self.qopOptions = qopOptions
        self.isUTF8 = single["charset"] != nil
    }

    private static func lowercased(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).lowercased()
    }
}

private extension Substring {
    /// Without the SP and HT that RFC 2831's #rule allows around list elements.
    func trimmingLinearWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
