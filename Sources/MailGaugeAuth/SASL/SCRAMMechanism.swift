/// SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677) without channel binding: GS2 header
/// `n,,` (or `n,a=<authzid>,`), so the server learns that the client does not support it.
///
/// The exchange (RFC 5802 §5): client-first `n=user,r=cnonce`; server-first with the combined
/// nonce, salt and iteration count; client-final with the proof; server-final with the server's
/// signature, which this client verifies, so that a completed exchange means the server knows
/// the password. Username, authorization identity and password go through `SASLprep` (see
/// there for what it leaves out).
public struct SCRAMMechanism: SASLClientMechanism {
    private enum State: Sendable {
        case initial
        case awaitingServerFirst(clientFirstBare: [UInt8])
        case awaitingServerFinal(expectedSignature: [UInt8])
        case serverVerified
        case complete
    }

    /// Iteration counts above this are refused by default: a hostile or broken server could
    /// otherwise keep the client computing for hours. Far above the 4096 that RFC 7677 §4 asks
    /// for and above what password-hashing guidance recommends for PBKDF2-HMAC-SHA256.
    public static let defaultMaximumIterationCount = 1_000_000

    /// SHA-1 or SHA-256.
    public let hashFunction: SCRAMHashFunction
    /// The largest iteration count this client computes; larger ones fail with `.invalidIterationCount`.
    public let maximumIterationCount: Int
    /// The server's `i=`, once its server-first-message was parsed, even if it was then refused
    /// as too large, so a tester can report counts below RFC 7677 §4's 4096 or absurdly high.
    public private(set) var iterationCount: Int?

    public var name: String { hashFunction.mechanismName }
    public var isComplete: Bool {
        if case .complete = state { true } else { false }
    }

    private let gs2Header: [UInt8]
    private let escapedUser: [UInt8]
    private let password: RedactedSecret
    private let clientNonce: [UInt8]
    private var state = State.initial

    /// - Parameters:
    ///   - clientNonce: the nonce to send, for reproducing RFC examples; printable ASCII without
    ///     ','. Nil sends 18 bytes from `SystemRandomNumberGenerator` as 24 base64 characters.
    /// - Throws: `.invalidCredential` when a string fails SASLprep, the username is empty, or
    ///   the nonce is not printable.
    public init(
        hashFunction: SCRAMHashFunction, user: String, password: String,
        authorizationID: String? = nil, clientNonce: [UInt8]? = nil,
        maximumIterationCount: Int = defaultMaximumIterationCount
    ) throws(SASLError) {
        let preparedUser = try SASLprep.prepare(user, field: "username")
        guard !preparedUser.isEmpty else {
            throw SASLError(.invalidCredential, "username is empty after SASLprep; SCRAM needs one (RFC 5802 §7 saslname)")
        }
        var header = "n,"
        if let authorizationID, !authorizationID.isEmpty {
            header += "a=" + Self.escape(try SASLprep.prepare(authorizationID, field: "authorization identity"))
        }
        header += ","
        if let clientNonce {
            guard SCRAMAttribute.isValidNonce(clientNonce) else {
                throw SASLError(.invalidCredential, "client nonce must be printable ASCII without ',' (RFC 5802 §7)")
            }
            self.clientNonce = clientNonce
        } else {
            var generator = SystemRandomNumberGenerator()
            self.clientNonce = Array(Base64.encode((0..<18).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).utf8)
        }
        self.hashFunction = hashFunction
        self.maximumIterationCount = maximumIterationCount
        self.gs2Header = Array(header.utf8)
        self.escapedUser = Array(Self.escape(preparedUser).utf8)
        self.password = RedactedSecret(try SASLprep.prepare(password, field: "password"))
    }

    /// The client-first-message: GS2 header, then `n=user,r=nonce` (RFC 5802 §5.1).
    public mutating func initialResponse() throws(SASLError) -> [UInt8]? {
        guard case .initial = state else {
            throw SASLError(.outOfOrder, "\(name) initial response requested after the exchange started")
        }
        let clientFirstBare = Array("n=".utf8) + escapedUser + Array(",r=".utf8) + clientNonce
        state = .awaitingServerFirst(clientFirstBare: clientFirstBare)
        return gs2Header + clientFirstBare
    }

    /// Answers, in turn: the empty challenge a server sends when no initial response came
    /// (RFC 4422 §3.3), the server-first-message, and the server-final-message when the protocol
    /// delivers it as a challenge (IMAP, POP3), which gets an empty response.
    public mutating func respond(to challenge: [UInt8]) throws(SASLError) -> [UInt8] {
        switch state {
        case .initial where challenge.isEmpty:
            return try initialResponse() ?? []
        case .initial:
            throw SASLError(.malformedChallenge, "\(name) is client-first, but the server's first challenge is not empty: \(SASLError.quote(challenge)) (RFC 5802 §5)")
        case .awaitingServerFirst(let clientFirstBare):
            return try clientFinal(clientFirstBare: clientFirstBare, serverFirst: challenge)
        case .awaitingServerFinal(let expectedSignature):
            try verify(serverFinal: challenge, expectedSignature: expectedSignature)
            state = .serverVerified
            return []
        case .serverVerified, .complete:
            throw SASLError(.unexpectedChallenge, "\(name) got a challenge after the server-final-message (RFC 5802 §5)")
        }
    }

    /// Completes the exchange only when the server's signature was verified, either earlier as
    /// a challenge or now from `additionalData` (additional data with success, RFC 4422 §3.6).
    public mutating func verifySuccess(additionalData: [UInt8]?) throws(SASLError) {
        switch state {
        case .awaitingServerFinal(let expectedSignature):
            guard let additionalData, !additionalData.isEmpty else {
                throw SASLError(.missingServerSignature, "\(name) success came without a server-final-message, so the server never proved it knows the password (RFC 5802 §5)")
            }
            try verify(serverFinal: additionalData, expectedSignature: expectedSignature)
        case .serverVerified:
            if let additionalData, !additionalData.isEmpty {
                throw SASLError(.unexpectedChallenge, "\(name) success carries additional data although the server-final-message already came as a challenge")
            }
        case .initial, .awaitingServerFirst, .complete:
            throw SASLError(.outOfOrder, "\(name) success reported before the client sent its proof")
        }
        state = .complete
    }

    /// Checks server-first against the client's nonce and limits, and builds the
    /// client-final-message `c=<base64 GS2 header>,r=<nonce>,p=<proof>` (RFC 5802 §5.1, §7).
    private mutating func clientFinal(clientFirstBare: [UInt8], serverFirst: [UInt8]) throws(SASLError) -> [UInt8] {
        let message = try SCRAMServerFirstMessage(parsing: serverFirst)
        guard message.nonce.starts(with: clientNonce) else {
            throw SASLError(.nonceMismatch, "server nonce \(SASLError.quote(message.nonce)) does not start with the client nonce \(SASLError.quote(clientNonce)) (RFC 5802 §5.1)")
        }
        guard message.nonce.count > clientNonce.count else {
            throw SASLError(.nonceMismatch, "server nonce adds nothing to the client nonce, so it cannot prevent replays (RFC 5802 §5.1)")
        }
        iterationCount = message.iterationCount
        guard message.iterationCount <= maximumIterationCount else {
            throw SASLError(.invalidIterationCount, "server asks for \(message.iterationCount) iterations, more than this client's limit of \(maximumIterationCount)")
        }
        let withoutProof = Array("c=\(Base64.encode(gs2Header)),r=".utf8) + message.nonce
        let authMessage = clientFirstBare + [UInt8(ascii: ",")] + serverFirst + [UInt8(ascii: ",")] + withoutProof
        let proofs = hashFunction.proofs(password: password.bytes, salt: message.salt,
                                         iterations: message.iterationCount, authMessage: authMessage)
        state = .awaitingServerFinal(expectedSignature: proofs.serverSignature)
        return withoutProof + Array(",p=\(Base64.encode(proofs.clientProof))".utf8)
    }

    private func verify(serverFinal: [UInt8], expectedSignature: [UInt8]) throws(SASLError) {
        let message = try SCRAMServerFinalMessage(parsing: serverFinal)
        guard message.serverSignature == expectedSignature else {
            throw SASLError(.serverSignatureMismatch, "\(name) server signature v= is wrong: the server does not know the password, or the messages were altered (RFC 5802 §5)")
        }
    }

    /// `saslname` escaping of RFC 5802 §5.1: `=` as `=3D`, `,` as `=2C`.
    private static func escape(_ name: String) -> String {
        var escaped = ""
        for character in name {
            switch character {
            case "=": escaped += "=3D"
            case ",": escaped += "=2C"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
