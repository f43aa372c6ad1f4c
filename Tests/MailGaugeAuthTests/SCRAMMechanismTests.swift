import Testing
import MailGaugeAuth

@Suite struct SCRAMMechanismTests {
    static let sha1 = SCRAMExchange.rfcExamples[0]

    @Test(arguments: SCRAMExchange.rfcExamples)
    func reproducesRFCExchangeWithServerFinalAsChallenge(_ exchange: SCRAMExchange) throws {
        var mechanism = try exchange.startedMechanism()
        #expect(mechanism.name == exchange.hashFunction.mechanismName)
        #expect(try mechanism.respond(to: Array(exchange.serverFirst.utf8)) == Array(exchange.clientFinal.utf8))
        #expect(mechanism.iterationCount == 4096)
        #expect(try mechanism.respond(to: Array(exchange.serverFinal.utf8)) == [])
        #expect(!mechanism.isComplete)
        try mechanism.verifySuccess(additionalData: nil)
        #expect(mechanism.isComplete)
    }

    @Test(arguments: SCRAMExchange.rfcExamples)
    func reproducesRFCExchangeWithServerFinalAsAdditionalData(_ exchange: SCRAMExchange) throws {
        var mechanism = try exchange.startedMechanism()
        _ = try mechanism.respond(to: Array(exchange.serverFirst.utf8))
        try mechanism.verifySuccess(additionalData: Array(exchange.serverFinal.utf8))
        #expect(mechanism.isComplete)
    }

    @Test func answersTheEmptyChallengeWithClientFirstWhenNoInitialResponseWasSent() throws {
        let exchange = Self.sha1
        var mechanism = try SCRAMMechanism(hashFunction: .sha1, user: "user", password: "pencil", clientNonce: Array(exchange.clientNonce.utf8))
        #expect(try mechanism.respond(to: []) == Array(exchange.clientFirst.utf8))
        #expect(try mechanism.respond(to: Array(exchange.serverFirst.utf8)) == Array(exchange.clientFinal.utf8))
    }

    /// SASLprep maps SOFT HYPHEN to nothing, so this password derives the same keys as "pencil".
    @Test func preparesThePasswordWithSASLprep() throws {
        let exchange = Self.sha1
        var mechanism = try exchange.startedMechanism(password: "pen\u{00AD}cil")
        #expect(try mechanism.respond(to: Array(exchange.serverFirst.utf8)) == Array(exchange.clientFinal.utf8))
    }

    @Test func escapesTheUsernameAndSendsTheAuthorizationIDInTheGS2Header() throws {
        var mechanism = try SCRAMMechanism(hashFunction: .sha256, user: "a=b,c", password: "pencil",
                                           authorizationID: "admin", clientNonce: Array("abc".utf8))
        #expect(try mechanism.initialResponse() == Array("n,a=admin,n=a=3Db=2Cc,r=abc".utf8))
        let clientFinal = try mechanism.respond(to: Array("r=abcdef,s=QSXCR+Q6sek8bf92,i=4096".utf8))
        // c= carries the base64 of the whole GS2 header "n,a=admin," (RFC 5802 §7).
        #expect(clientFinal.starts(with: Array("c=bixhPWFkbWluLA==,r=abcdef,p=".utf8)))
    }

    @Test func drawsARandomPrintableNonceWhenNoneIsInjected() throws {
        var first = try SCRAMMechanism(hashFunction: .sha256, user: "user", password: "pencil")
        var second = try SCRAMMechanism(hashFunction: .sha256, user: "user", password: "pencil")
        let firstMessage = try #require(try first.initialResponse())
        let secondMessage = try #require(try second.initialResponse())
        #expect(firstMessage != secondMessage)
        let nonce = firstMessage.dropFirst("n,,n=user,r=".utf8.count)
        #expect(nonce.count == 24)
        #expect(nonce.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ",") })
    }

    @Test(arguments: ["a,b", "", "caf\u{00E9}", "sp ace"])
    func rejectsAnUnprintableInjectedNonce(_ nonce: String) {
        let error = #expect(throws: SASLError.self) {
            try SCRAMMechanism(hashFunction: .sha1, user: "user", password: "pencil", clientNonce: Array(nonce.utf8))
        }
        #expect(error?.kind == .invalidCredential)
    }

    @Test func exposesALowIterationCountWithoutFailing() throws {
        var mechanism = try Self.sha1.startedMechanism()
        _ = try mechanism.respond(to: Array("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=1".utf8))
        #expect(mechanism.iterationCount == 1)
    }

    @Test func refusesAnIterationCountAboveTheLimitButExposesIt() throws {
        var mechanism = try Self.sha1.startedMechanism(maximumIterationCount: 10_000)
        let error = #expect(throws: SASLError.self) {
            try mechanism.respond(to: Array("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=10001".utf8))
        }
        #expect(error?.kind == .invalidIterationCount)
        #expect(mechanism.iterationCount == 10_001)
    }

    @Test(arguments: [
        ("r=XXXX+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096", .nonceMismatch),
        ("r=fyko+d2lbbFgONRv9qkxdawL,s=QSXCR+Q6sek8bf92,i=4096", .nonceMismatch),
        ("r=fyko,s=QSXCR+Q6sek8bf92,i=4096", .nonceMismatch),
        ("s=QSXCR+Q6sek8bf92,i=4096", .malformedChallenge),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,i=4096", .malformedChallenge),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92", .malformedChallenge),
        ("i=4096,s=QSXCR+Q6sek8bf92,r=fyko+d2lbbFgONRv9qkxdawL3rfc", .malformedChallenge),
        ("m=ext,r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=4096", .malformedChallenge),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=4096,", .malformedChallenge),
        ("r=,s=QSXCR+Q6sek8bf92,i=4096", .malformedChallenge),
        ("hello", .malformedChallenge),
        ("", .malformedChallenge),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf9,i=4096", .invalidBase64),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=0", .invalidIterationCount),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=-1", .invalidIterationCount),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=", .invalidIterationCount),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=4k", .invalidIterationCount),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=99999999999999999999999", .invalidIterationCount),
        ("e=unknown-user", .serverError),
    ] as [(String, SASLError.Kind)])
    func rejectsABadServerFirstMessage(serverFirst: String, kind: SASLError.Kind) throws {
        var mechanism = try Self.sha1.startedMechanism()
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: Array(serverFirst.utf8)) }
        #expect(error?.kind == kind)
    }

    @Test(arguments: [
        ("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=", .serverSignatureMismatch),
        ("v=rmF9pqV8S7suAoZWja4dJRkFsKQ", .invalidBase64),
        ("v=", .serverSignatureMismatch),
        ("x=rmF9pqV8S7suAoZWja4dJRkFsKQ=", .malformedChallenge),
        ("e=invalid-proof", .serverError),
    ] as [(String, SASLError.Kind)])
    func rejectsABadServerFinalMessage(serverFinal: String, kind: SASLError.Kind) throws {
        var asChallenge = try Self.sha1.startedMechanism()
        _ = try asChallenge.respond(to: Array(Self.sha1.serverFirst.utf8))
        var asAdditionalData = asChallenge
        let challengeError = #expect(throws: SASLError.self) { try asChallenge.respond(to: Array(serverFinal.utf8)) }
        let successError = #expect(throws: SASLError.self) { try asAdditionalData.verifySuccess(additionalData: Array(serverFinal.utf8)) }
        #expect(challengeError?.kind == kind)
        #expect(successError == challengeError)
        #expect(!asChallenge.isComplete && !asAdditionalData.isComplete)
    }

    @Test func surfacesTheServerErrorTextOnOneLine() throws {
        var mechanism = try Self.sha1.startedMechanism()
        _ = try mechanism.respond(to: Array(Self.sha1.serverFirst.utf8))
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: Array("e=invalid-proof\r\nX".utf8)) }
        #expect(error?.description.contains("invalid-proof??X") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func refusesSuccessWithoutServerFinalMessage() throws {
        var mechanism = try Self.sha1.startedMechanism()
        _ = try mechanism.respond(to: Array(Self.sha1.serverFirst.utf8))
        let error = #expect(throws: SASLError.self) { try mechanism.verifySuccess(additionalData: nil) }
        #expect(error?.kind == .missingServerSignature)
        #expect(!mechanism.isComplete)
    }

    @Test func refusesSuccessBeforeTheProofWasSent() throws {
        var mechanism = try Self.sha1.startedMechanism()
        let error = #expect(throws: SASLError.self) { try mechanism.verifySuccess(additionalData: nil) }
        #expect(error?.kind == .outOfOrder)
    }

    @Test func rejectsAChallengeAfterTheServerFinalMessage() throws {
        var mechanism = try Self.sha1.startedMechanism()
        _ = try mechanism.respond(to: Array(Self.sha1.serverFirst.utf8))
        _ = try mechanism.respond(to: Array(Self.sha1.serverFinal.utf8))
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: []) }
        #expect(error?.kind == .unexpectedChallenge)
    }

    @Test func rejectsANonEmptyFirstChallenge() throws {
        var mechanism = try SCRAMMechanism(hashFunction: .sha256, user: "user", password: "pencil")
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: Array("r=x".utf8)) }
        #expect(error?.kind == .malformedChallenge)
    }

    @Test(arguments: ["", "\u{00AD}"])
    func rejectsAnEmptyUsername(_ user: String) {
        let error = #expect(throws: SASLError.self) { try SCRAMMechanism(hashFunction: .sha256, user: user, password: "pencil") }
        #expect(error?.kind == .invalidCredential)
    }
}
