import Testing
import MailGaugeAuth

@Suite struct LoginMechanismTests {
    @Test func answersUsernameThenPassword() throws {
        var mechanism = LoginMechanism(user: "tim", password: "tanstaaf")
        #expect(try mechanism.initialResponse() == nil)
        #expect(try mechanism.respond(to: Array("Username:".utf8)) == Array("tim".utf8))
        #expect(try mechanism.respond(to: Array("Password:".utf8)) == Array("tanstaaf".utf8))
        try mechanism.verifySuccess(additionalData: nil)
        #expect(mechanism.isComplete)
    }

    @Test func answersByOrderNotByPromptText() throws {
        var mechanism = LoginMechanism(user: "tim", password: "tanstaaf")
        #expect(try mechanism.respond(to: Array("Password:".utf8)) == Array("tim".utf8))
        #expect(try mechanism.respond(to: []) == Array("tanstaaf".utf8))
    }

    @Test func rejectsAThirdChallenge() throws {
        var mechanism = LoginMechanism(user: "tim", password: "tanstaaf")
        _ = try mechanism.respond(to: Array("Username:".utf8))
        _ = try mechanism.respond(to: Array("Password:".utf8))
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: Array("Again:".utf8)) }
        #expect(error?.kind == .unexpectedChallenge)
    }

    @Test func refusesSuccessBeforeThePasswordWasSent() throws {
        var mechanism = LoginMechanism(user: "tim", password: "tanstaaf")
        _ = try mechanism.respond(to: Array("Username:".utf8))
        let error = #expect(throws: SASLError.self) { try mechanism.verifySuccess(additionalData: nil) }
        #expect(error?.kind == .outOfOrder)
        #expect(!mechanism.isComplete)
    }
}
