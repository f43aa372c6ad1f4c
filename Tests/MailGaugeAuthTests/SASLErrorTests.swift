import Testing
import MailGaugeAuth

/// Errors and mechanisms end up in transcripts and reports: neither may show the password.
@Suite struct SASLErrorTests {
    static let password = "S3cret=pass,word"
    static let exchange = SCRAMExchange.rfcExamples[1]

    /// Drives every mechanism into every failure it can report, with the password in play.
    static func collectErrors() -> [SASLError] {
        var errors: [SASLError] = []
        func record(_ body: () throws -> Void) {
            do {
                try body()
                Issue.record("expected a SASLError")
            } catch let error as SASLError {
                errors.append(error)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        let serverFirst = Array(exchange.serverFirst.utf8)
        let scram = { () throws(SASLError) -> SCRAMMechanism in
            var mechanism = try SCRAMMechanism(hashFunction: .sha256, user: "user", password: password,
                                               clientNonce: Array(exchange.clientNonce.utf8), maximumIterationCount: 4096)
            _ = try mechanism.initialResponse()
            return mechanism
        }
        for challenge in ["r=x,s=QQ==,i=4096", "r=rOprNGfwEbeRWgbNEkqO1,s=QQ=,i=4096", "r=rOprNGfwEbeRWgbNEkqO1,s=QQ==,i=0",
                          "r=rOprNGfwEbeRWgbNEkqO1,s=QQ==,i=4097", "e=other-error", "m=x", "s=QQ=="] {
            record { var mechanism = try scram(); _ = try mechanism.respond(to: Array(challenge.utf8)) }
        }
        for serverFinal in [exchange.serverFinal.dropLast(2) + "A=", "v=%%%%", "e=invalid-proof", "q=1"] {
            record { var mechanism = try scram(); _ = try mechanism.respond(to: serverFirst); _ = try mechanism.respond(to: Array(serverFinal.utf8)) }
        }
        record { var mechanism = try scram(); _ = try mechanism.respond(to: serverFirst); try mechanism.verifySuccess(additionalData: nil) }
        record { _ = try SCRAMMechanism(hashFunction: .sha1, user: "user", password: password + "\u{0007}") }
        record { _ = try PlainMechanism(user: "user", password: password + "\0") }
        record { var mechanism = try PlainMechanism(user: "user", password: password); _ = try mechanism.initialResponse(); _ = try mechanism.respond(to: []) }
        record {
            var mechanism = LoginMechanism(user: "user", password: password)
            for _ in 0..<3 { _ = try mechanism.respond(to: Array("Password:".utf8)) }
        }
        record { var mechanism = CRAMMD5Mechanism(user: "user", password: password); _ = try mechanism.respond(to: []) }
        record { _ = try SASLMechanisms.make("LOGIN", user: "user", password: password, authorizationID: "admin") }
        let digest = { () throws(SASLError) -> DigestMD5Mechanism in
            try DigestMD5Mechanism(user: "user", password: password, host: "elwood.innosoft.com", clientNonce: Array("OA6MHXh6VqTrRk".utf8))
        }
        let digestChallenge = Array(#"realm="elwood.innosoft.com",nonce="OA6MG9tEQGm2hh",qop="auth",algorithm=md5-sess,charset=utf-8"#.utf8)
        for challenge in [#"realm="x",qop="auth",algorithm=md5-sess"#, #"nonce="x",algorithm=md5"#, #"nonce="x,algorithm=md5-sess"#] {
            record { var mechanism = try digest(); _ = try mechanism.respond(to: Array(challenge.utf8)) }
        }
        record { var mechanism = try digest(); _ = try mechanism.respond(to: digestChallenge); _ = try mechanism.respond(to: Array("rspauth=ea40f60335c427b5527b84dbabcdfffd".utf8)) }
        record { var mechanism = try digest(); _ = try mechanism.respond(to: digestChallenge); try mechanism.verifySuccess(additionalData: nil) }
        record {
            var mechanism = try DigestMD5Mechanism(user: "user", password: password + "\u{20AC}")
            _ = try mechanism.respond(to: Array(#"nonce="x",algorithm=md5-sess"#.utf8))
        }
        return errors
    }

    @Test func noErrorDescriptionContainsThePassword() {
        let errors = Self.collectErrors()
        #expect(errors.count == 24)
        #expect(Set(errors.map(\.kind)).count >= 10)
        for error in errors {
            #expect(!error.description.contains(Self.password), "\(error.kind)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func printingAMechanismDoesNotShowThePassword() throws {
        let mechanisms: [any SASLClientMechanism] = try SASLMechanisms.supported.map { name throws(SASLError) in
            try SASLMechanisms.make(name, user: "user", password: Self.password)
        }
        for mechanism in mechanisms {
            var dumped = ""
            dump(mechanism, to: &dumped)
            for rendering in [String(describing: mechanism), String(reflecting: mechanism), dumped] {
                #expect(!rendering.contains(Self.password), "\(mechanism.name)")
                #expect(!rendering.contains("S3cret"), "\(mechanism.name)")
            }
        }
    }
}
