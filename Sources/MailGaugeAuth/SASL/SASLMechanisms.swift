/// The mechanisms MailGauge can drive, by their registered names (RFC 4422 §3.1).
public enum SASLMechanisms {
    /// Supported names, strongest first, so a caller can pick the first one a server offers.
    public static let supported: [String] = ["SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "DIGEST-MD5", "PLAIN", "LOGIN"]

    /// A fresh mechanism for one exchange. `name` is matched case-insensitively.
    ///
    /// - Parameters:
    ///   - authorizationID: the identity to act as; rejected by LOGIN and CRAM-MD5, which cannot carry one.
    ///   - clientNonce: SCRAM and DIGEST-MD5 (`cnonce`): the printable nonce to send instead of a
    ///     random one, for reproducing RFC examples; other mechanisms ignore it.
    ///   - service: DIGEST-MD5 only: the service name in `digest-uri`, "imap" or "pop"
    ///     (RFC 2831 §2.1.2); other mechanisms ignore it.
    ///   - host: DIGEST-MD5 only: the server's host name in `digest-uri`; other mechanisms ignore it.
    public static func make(
        _ name: String, user: String, password: String,
        authorizationID: String? = nil, clientNonce: [UInt8]? = nil,
        service: String = "imap", host: String = "localhost"
    ) throws(SASLError) -> any SASLClientMechanism {
        let upperName = name.uppercased()
        switch upperName {
        case "PLAIN":
            return try PlainMechanism(user: user, password: password, authorizationID: authorizationID)
        case "LOGIN":
            try refuse(authorizationID, mechanism: upperName)
            return LoginMechanism(user: user, password: password)
        case "CRAM-MD5":
            try refuse(authorizationID, mechanism: upperName)
            return CRAMMD5Mechanism(user: user, password: password)
        case "DIGEST-MD5":
            return try DigestMD5Mechanism(user: user, password: password, authorizationID: authorizationID,
                                          service: service, host: host, clientNonce: clientNonce)
        default:
            if let hashFunction = SCRAMHashFunction(rawValue: upperName) {
                return try SCRAMMechanism(hashFunction: hashFunction, user: user, password: password,
                                          authorizationID: authorizationID, clientNonce: clientNonce)
            }
            throw SASLError(.unsupportedMechanism, "\(SASLError.quote(name.utf8)) is not one of \(supported.joined(separator: ", "))")
        }
    }

    /// LOGIN and CRAM-MD5 have no field for an authorization identity; dropping one silently
    /// would authenticate as someone other than the caller asked for.
    private static func refuse(_ authorizationID: String?, mechanism: String) throws(SASLError) {
        if let authorizationID, !authorizationID.isEmpty {
            throw SASLError(.unsupportedAuthorizationID, "\(mechanism) cannot carry an authorization identity")
        }
    }
}
