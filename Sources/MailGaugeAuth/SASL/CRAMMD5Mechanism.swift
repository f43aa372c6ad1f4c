import Crypto

/// CRAM-MD5 (RFC 2195): the server sends a challenge, the client answers
/// `username SP hex(HMAC-MD5(password, challenge))`.
public struct CRAMMD5Mechanism: SASLClientMechanism {
    private enum State: Sendable { case awaitingChallenge, sent, complete }

    public var name: String { "CRAM-MD5" }
    private let user: String
    private let password: RedactedSecret
    private var state = State.awaitingChallenge

    public init(user: String, password: String) {
        self.user = user
        self.password = RedactedSecret(password)
    }

    public var isComplete: Bool { state == .complete }

    /// CRAM-MD5 has no initial response (RFC 2195 §2): the server speaks first.
    public mutating func initialResponse() throws(SASLError) -> [UInt8]? { nil }

    /// Leniency: RFC 2195 §2 says the challenge is a msg-id (`<…@…>`), but any non-empty bytes
    /// are keyed as they are, so a server with another format can still be measured.
    public mutating func respond(to challenge: [UInt8]) throws(SASLError) -> [UInt8] {
        switch state {
        case .awaitingChallenge where challenge.isEmpty:
            throw SASLError(.malformedChallenge, "CRAM-MD5 challenge is empty (RFC 2195 §2)")
        case .awaitingChallenge:
            let digest = HMAC<Insecure.MD5>.authenticationCode(for: challenge, using: SymmetricKey(data: password.bytes))
            state = .sent
            return Array((user + " " + LowercaseHex.encode(digest)).utf8)
        case .sent, .complete:
            throw SASLError(.unexpectedChallenge, "CRAM-MD5 has a single response but the server sent another challenge (RFC 2195 §2)")
        }
    }

    public mutating func verifySuccess(additionalData: [UInt8]?) throws(SASLError) {
        guard state == .sent else {
            throw SASLError(.outOfOrder, "CRAM-MD5 success reported before the client sent its response")
        }
        state = .complete
    }
}
