import Testing
import MailGaugeAuth

@Suite struct PlainMechanismTests {
    /// RFC 4616 §4's two examples.
    @Test(arguments: [
        (nil, "tim", "tanstaaftanstaaf", "\0tim\0tanstaaftanstaaf"),
        ("Ursel", "Kurt", "xipj3plmq", "Ursel\0Kurt\0xipj3plmq"),
    ] as [(String?, String, String, String)])
    func sendsRFC4616Examples(authorizationID: String?, user: String, password: String, expected: String) throws {
        var mechanism = try PlainMechanism(user: user, password: password, authorizationID: authorizationID)
        #expect(try mechanism.initialResponse() == Array(expected.utf8))
        #expect(!mechanism.isComplete)
        try mechanism.verifySuccess(additionalData: nil)
        #expect(mechanism.isComplete)
    }

    @Test func answersTheEmptyChallengeWhenNoInitialResponseWasSent() throws {
        var mechanism = try PlainMechanism(user: "tim", password: "tanstaaftanstaaf")
        #expect(try mechanism.respond(to: []) == Array("\0tim\0tanstaaftanstaaf".utf8))
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: []) }
        #expect(error?.kind == .unexpectedChallenge)
    }

    @Test func rejectsANonEmptyFirstChallenge() throws {
        var mechanism = try PlainMechanism(user: "tim", password: "tanstaaftanstaaf")
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: Array("hello".utf8)) }
        #expect(error?.kind == .malformedChallenge)
    }

    @Test func rejectsNULInsideAField() {
        let error = #expect(throws: SASLError.self) { try PlainMechanism(user: "ti\0m", password: "x") }
        #expect(error?.kind == .invalidCredential)
    }

    @Test func refusesSuccessBeforeTheMessageWasSent() throws {
        var mechanism = try PlainMechanism(user: "tim", password: "tanstaaftanstaaf")
        let error = #expect(throws: SASLError.self) { try mechanism.verifySuccess(additionalData: nil) }
        #expect(error?.kind == .outOfOrder)
        #expect(!mechanism.isComplete)
    }
}
