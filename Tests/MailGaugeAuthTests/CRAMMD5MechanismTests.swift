import Testing
import MailGaugeAuth

@Suite struct CRAMMD5MechanismTests {
    /// RFC 2195 §2's example.
    @Test func matchesRFC2195Example() throws {
        var mechanism = CRAMMD5Mechanism(user: "tim", password: "tanstaaftanstaaf")
        #expect(try mechanism.initialResponse() == nil)
        let response = try mechanism.respond(to: Array("<1896.697170952@postoffice.reston.mci.net>".utf8))
        #expect(response == Array("tim b913a602c7eda7a495b4e6e7334d3890".utf8))
        try mechanism.verifySuccess(additionalData: nil)
        #expect(mechanism.isComplete)
    }

    @Test func rejectsAnEmptyChallenge() {
        var mechanism = CRAMMD5Mechanism(user: "tim", password: "tanstaaftanstaaf")
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: []) }
        #expect(error?.kind == .malformedChallenge)
    }

    @Test func rejectsASecondChallenge() throws {
        var mechanism = CRAMMD5Mechanism(user: "tim", password: "tanstaaftanstaaf")
        _ = try mechanism.respond(to: Array("<1@x>".utf8))
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: Array("<2@x>".utf8)) }
        #expect(error?.kind == .unexpectedChallenge)
    }
}
