/// LOGIN (draft-murchison-sasl-login-00): the server prompts twice, the client answers with the
/// username and then the password.
///
/// Answers go by the order of the challenges, not their text: the draft (§2) says the prompts
/// are usually "Username:" and "Password:" but clients must not depend on that, and servers
/// vary ("User Name", localized prompts, empty challenges).
public struct LoginMechanism: SASLClientMechanism {
    private enum State: Sendable { case awaitingUsernamePrompt, awaitingPasswordPrompt, sent, complete }

    public var name: String { "LOGIN" }
    private let user: [UInt8]
    private let password: RedactedSecret
    private var state = State.awaitingUsernamePrompt

    public init(user: String, password: String) {
        self.user = Array(user.utf8)
        self.password = RedactedSecret(password)
    }

    public var isComplete: Bool { state == .complete }

    /// LOGIN has no initial response (draft §2): the server speaks first.
    public mutating func initialResponse() throws(SASLError) -> [UInt8]? { nil }

    public mutating func respond(to challenge: [UInt8]) throws(SASLError) -> [UInt8] {
        switch state {
        case .awaitingUsernamePrompt:
            state = .awaitingPasswordPrompt
            return user
        case .awaitingPasswordPrompt:
            state = .sent
            return password.bytes
        case .sent, .complete:
            throw SASLError(.unexpectedChallenge, "LOGIN got a third challenge \(SASLError.quote(challenge)); it defines two, username then password (draft-murchison-sasl-login §2)")
        }
    }

    /// A success before the password was asked for is refused: the server let the client in
    /// without checking its password.
    public mutating func verifySuccess(additionalData: [UInt8]?) throws(SASLError) {
        guard state == .sent else {
            throw SASLError(.outOfOrder, "LOGIN success reported before the client sent its password")
        }
        state = .complete
    }
}
