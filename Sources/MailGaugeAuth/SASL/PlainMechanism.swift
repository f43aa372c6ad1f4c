/// PLAIN (RFC 4616): one message, `[authzid] NUL authcid NUL passwd`, sent in the clear.
///
/// The strings go out as UTF-8 without SASLprep: RFC 4616 §2 leaves preparation to the server,
/// and a tester wants to send exactly what it was given.
public struct PlainMechanism: SASLClientMechanism {
    private enum State: Sendable { case initial, sent, complete }

    public var name: String { "PLAIN" }
    private let message: RedactedSecret
    private var state = State.initial

    /// Fails when a field contains NUL, which RFC 4616 §2 forbids because NUL separates them.
    public init(user: String, password: String, authorizationID: String? = nil) throws(SASLError) {
        let fields = [("authorization identity", authorizationID ?? ""), ("username", user), ("password", password)]
        for (field, value) in fields where value.utf8.contains(0) {
            throw SASLError(.invalidCredential, "PLAIN \(field) contains NUL (RFC 4616 §2)")
        }
        message = RedactedSecret((authorizationID ?? "") + "\0" + user + "\0" + password)
    }

    public var isComplete: Bool { state == .complete }

    public mutating func initialResponse() throws(SASLError) -> [UInt8]? {
        guard state == .initial else {
            throw SASLError(.outOfOrder, "PLAIN initial response requested after the exchange started")
        }
        state = .sent
        return message.bytes
    }

    /// Only the empty challenge that RFC 4616 §2 has the server send when no initial response
    /// came is answered.
    public mutating func respond(to challenge: [UInt8]) throws(SASLError) -> [UInt8] {
        switch state {
        case .initial where challenge.isEmpty:
            state = .sent
            return message.bytes
        case .initial:
            throw SASLError(.malformedChallenge, "PLAIN expects an empty challenge, got \(SASLError.quote(challenge)) (RFC 4616 §2)")
        case .sent, .complete:
            throw SASLError(.unexpectedChallenge, "PLAIN has a single message but the server sent another challenge (RFC 4616 §2)")
        }
    }

    public mutating func verifySuccess(additionalData: [UInt8]?) throws(SASLError) {
        guard state == .sent else {
            throw SASLError(.outOfOrder, "PLAIN success reported before the client sent its message")
        }
        state = .complete
    }
}
