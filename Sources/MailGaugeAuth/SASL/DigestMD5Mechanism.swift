import Crypto

/// DIGEST-MD5 (RFC 2831), initial authentication only, with qop=auth (no security layer).
/// Historic since RFC 6331, but servers such as Dovecot still offer it.
///
/// The exchange (RFC 2831 §2.1): the server sends a digest-challenge; the client answers with a
/// digest-response whose `response=` proves it knows the password; the server answers with
/// `rspauth=`, which this client verifies, so that a completed exchange means the server knows
/// the password too; the client acknowledges with an empty response.
///
/// Strings are hashed as §2.1.2.1 says: with `charset=utf-8`, a username, realm or password
/// whose characters all lie in ISO 8859-1 is converted to ISO 8859-1 first; without it, the
/// username and password must be ISO 8859-1 and go out as such. (Dovecot hashes UTF-8 as it is,
/// so a non-ASCII ISO 8859-1 password logs in with Cyrus SASL and this client but not Dovecot.)
public struct DigestMD5Mechanism: SASLClientMechanism {
    private enum State: Sendable {
        case awaitingChallenge
        case awaitingResponseAuth(expected: [UInt8])
        case serverVerified
        case complete
    }

    public var name: String { "DIGEST-MD5" }
    /// `serv-type "/" host` as sent in `digest-uri` (RFC 2831 §2.1.2), e.g. "imap/mail.example.org".
    public let digestURI: String
    public var isComplete: Bool {
        if case .complete = state { true } else { false }
    }

    private let user: String
    private let password: RedactedSecret
    private let authorizationID: String?
    private let clientNonce: [UInt8]
    private var state = State.awaitingChallenge

    /// - Parameters:
    ///   - authorizationID: sent as `authzid` and hashed into A1 (RFC 2831 §2.1.2.1); nil or
    ///     empty sends none.
    ///   - service: the registered service name for `digest-uri`: "imap", or "pop" for POP3
    ///     (RFC 2831 §2.1.2, serv-type).
    ///   - host: the server's DNS name or IP address for `digest-uri`.
    ///   - clientNonce: the `cnonce` to send, for reproducing RFC examples; visible ASCII. Nil
    ///     sends 16 bytes from `SystemRandomNumberGenerator` as 24 base64 characters.
    /// - Throws: `.invalidCredential` when the username is empty, a string that goes out in a
    ///   quoted value contains a control character, the service or host is empty or contains
    ///   '/', or the nonce is not visible ASCII.
    public init(
        user: String, password: String, authorizationID: String? = nil,
        service: String = "imap", host: String = "localhost", clientNonce: [UInt8]? = nil
    ) throws(SASLError) {
        guard !user.isEmpty else {
            throw SASLError(.invalidCredential, "DIGEST-MD5 username is empty (RFC 2831 §2.1.2)")
        }
        let authorizationID = authorizationID.flatMap { $0.isEmpty ? nil : $0 }
        for (field, value) in [("username", user), ("authorization identity", authorizationID ?? ""), ("service", service), ("host", host)]
        where value.utf8.contains(where: DigestMD5Directive.isControl) {
            throw SASLError(.invalidCredential, "DIGEST-MD5 \(field) contains a control character, which a quoted string cannot carry (RFC 2831 §2.1.2)")
        }
        for (field, value) in [("service", service), ("host", host)] where value.isEmpty || value.contains("/") {
            throw SASLError(.invalidCredential, "DIGEST-MD5 digest-uri \(field) \(SASLError.quote(value.utf8)) is empty or contains '/' (RFC 2831 §2.1.2)")
        }
        if let clientNonce {
            guard !clientNonce.isEmpty, clientNonce.allSatisfy({ (0x21...0x7E).contains($0) }) else {
                throw SASLError(.invalidCredential, "DIGEST-MD5 cnonce must be visible ASCII (RFC 2831 §2.1.2)")
            }
            self.clientNonce = clientNonce
        } else {
            var generator = SystemRandomNumberGenerator()
            self.clientNonce = Array(Base64.encode((0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).utf8)
        }
        self.user = user
        self.password = RedactedSecret(password)
        self.authorizationID = authorizationID
        self.digestURI = service + "/" + host
    }

    /// DIGEST-MD5 has no initial response (RFC 2831 §2.1): the server speaks first.
    public mutating func initialResponse() throws(SASLError) -> [UInt8]? { nil }

    /// Answers the digest-challenge with a digest-response, then the response-auth (`rspauth=`)
    /// with an empty response once its value is verified.
    public mutating func respond(to challenge: [UInt8]) throws(SASLError) -> [UInt8] {
        switch state {
        case .awaitingChallenge:
            let (response, expected) = try digestResponse(to: DigestMD5Challenge(parsing: challenge))
            state = .awaitingResponseAuth(expected: expected)
            return response
        case .awaitingResponseAuth(let expected):
            try verify(responseAuth: challenge, expected: expected)
            state = .serverVerified
            return []
        case .serverVerified, .complete:
            throw SASLError(.unexpectedChallenge, "DIGEST-MD5 got a challenge after rspauth (RFC 2831 §2.1.3)")
        }
    }

    /// Completes the exchange only when the server's `rspauth` was verified, either earlier as a
    /// challenge or now from `additionalData` (additional data with success, RFC 4422 §3.6).
    public mutating func verifySuccess(additionalData: [UInt8]?) throws(SASLError) {
        switch state {
        case .awaitingResponseAuth(let expected):
            guard let additionalData, !additionalData.isEmpty else {
                throw SASLError(.missingServerSignature, "DIGEST-MD5 success came without rspauth, so the server never proved it knows the password (RFC 2831 §2.1.3)")
            }
            try verify(responseAuth: additionalData, expected: expected)
        case .serverVerified:
            if let additionalData, !additionalData.isEmpty {
                throw SASLError(.unexpectedChallenge, "DIGEST-MD5 success carries additional data although rspauth already came as a challenge")
            }
        case .awaitingChallenge, .complete:
            throw SASLError(.outOfOrder, "DIGEST-MD5 success reported before the client sent its digest-response")
        }
        state = .complete
    }

    /// The digest-response (RFC 2831 §2.1.2), in the order of the §4 example, and the rspauth
    /// value the server must answer with.
    private func digestResponse(to challenge: DigestMD5Challenge) throws(SASLError) -> (response: [UInt8], expectedResponseAuth: [UInt8]) {
        let userOnWire: [UInt8]
        let userHashed: [UInt8]
        let passwordText = String(decoding: password.bytes, as: UTF8.self)
        let passwordHashed: [UInt8]
        let realmHashed: [UInt8]
        let realm = challenge.realms.first
        if challenge.isUTF8 {
            userOnWire = Array(user.utf8)
            userHashed = Self.latin1(user) ?? userOnWire
            passwordHashed = Self.latin1(passwordText) ?? password.bytes
            realmHashed = realm.map { bytes in String(validating: bytes, as: UTF8.self).flatMap(Self.latin1) ?? bytes } ?? []
        } else {
            guard let user = Self.latin1(user) else {
                throw SASLError(.invalidCredential, "DIGEST-MD5 username has characters outside ISO 8859-1 and the server did not offer charset=utf-8 (RFC 2831 §2.1.2)")
            }
            guard let password = Self.latin1(passwordText) else {
                throw SASLError(.invalidCredential, "DIGEST-MD5 password has characters outside ISO 8859-1 and the server did not offer charset=utf-8 (RFC 2831 §2.1.2)")
            }
            userOnWire = user
            userHashed = user
            passwordHashed = password
            realmHashed = realm ?? []
        }
        let colon = UInt8(ascii: ":")
        let secret = Insecure.MD5.hash(data: userHashed + [colon] + realmHashed + [colon] + passwordHashed)
        var a1 = Array(secret) + [colon] + challenge.nonce + [colon] + clientNonce
        if let authorizationID {
            a1 += [colon] + Array(authorizationID.utf8)
        }
        let ha1 = Self.hexMD5(a1)
        let digestURI = Array(self.digestURI.utf8)
        func responseValue(a2: [UInt8]) -> [UInt8] {
            Self.hexMD5(ha1 + [colon] + challenge.nonce + Array(":00000001:".utf8) + clientNonce + Array(":auth:".utf8) + Self.hexMD5(a2))
        }
        var response = challenge.isUTF8 ? Array("charset=utf-8,".utf8) : []
        response += Array("username=".utf8) + DigestMD5Directive.quoted(userOnWire)
        if let realm {
            response += Array(",realm=".utf8) + DigestMD5Directive.quoted(realm)
        }
        response += Array(",nonce=".utf8) + DigestMD5Directive.quoted(challenge.nonce)
        response += Array(",nc=00000001,cnonce=".utf8) + DigestMD5Directive.quoted(clientNonce)
        response += Array(",digest-uri=".utf8) + DigestMD5Directive.quoted(digestURI)
        response += Array(",response=".utf8) + responseValue(a2: Array("AUTHENTICATE:".utf8) + digestURI)
        response += Array(",qop=auth".utf8)
        if let authorizationID {
            response += Array(",authzid=".utf8) + DigestMD5Directive.quoted(authorizationID.utf8)
        }
        return (response, responseValue(a2: [colon] + digestURI))
    }

    /// Checks `response-auth = "rspauth" "=" response-value` (RFC 2831 §2.1.3).
    private func verify(responseAuth: [UInt8], expected: [UInt8]) throws(SASLError) {
        let directives = try DigestMD5Directive.parseList(responseAuth, messageName: "response-auth")
        guard directives.count == 1, directives[0].name == "rspauth" else {
            throw SASLError(.malformedChallenge, "DIGEST-MD5 response-auth \(SASLError.quote(responseAuth)) is not a single rspauth= (RFC 2831 §2.1.3)")
        }
        let value = directives[0].value
        let isLowercaseHex = value.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
        guard value.count == 32, isLowercaseHex else {
            throw SASLError(.malformedChallenge, "DIGEST-MD5 rspauth=\(SASLError.quote(value)) is not 32 lower-case hex digits (RFC 2831 §2.1.3, §2.1.2.1)")
        }
        guard value == expected else {
            throw SASLError(.serverSignatureMismatch, "DIGEST-MD5 rspauth is wrong: the server does not know the password, or the messages were altered (RFC 2831 §2.1.3)")
        }
    }

    /// `text` as ISO 8859-1 bytes, or nil when a character lies outside it.
    private static func latin1(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    /// HEX(H(bytes)): MD5 as 32 lower-case hex digits (RFC 2831 §2.1.2.1).
    private static func hexMD5(_ bytes: [UInt8]) -> [UInt8] {
        Array(LowercaseHex.encode(Insecure.MD5.hash(data: bytes)).utf8)
    }
}
