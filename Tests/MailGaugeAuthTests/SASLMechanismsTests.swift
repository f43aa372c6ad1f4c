import Testing
import MailGaugeAuth

@Suite struct SASLMechanismsTests {
    @Test(arguments: SASLMechanisms.supported)
    func makesEverySupportedMechanism(_ name: String) throws {
        #expect(try SASLMechanisms.make(name, user: "user", password: "pencil").name == name)
        #expect(try SASLMechanisms.make(name.lowercased(), user: "user", password: "pencil").name == name)
    }

    @Test func rejectsAnUnknownMechanism() {
        let error = #expect(throws: SASLError.self) { try SASLMechanisms.make("GSSAPI", user: "user", password: "pencil") }
        #expect(error?.kind == .unsupportedMechanism)
    }

    @Test(arguments: ["LOGIN", "CRAM-MD5"])
    func rejectsAnAuthorizationIDWhereItCannotBeSent(_ name: String) {
        let error = #expect(throws: SASLError.self) {
            try SASLMechanisms.make(name, user: "user", password: "pencil", authorizationID: "admin")
        }
        #expect(error?.kind == .unsupportedAuthorizationID)
    }

    @Test func passesTheInjectedNonceToSCRAM() throws {
        var mechanism = try SASLMechanisms.make("SCRAM-SHA-256", user: "user", password: "pencil", clientNonce: Array("rOprNGfwEbeRWgbNEkqO".utf8))
        #expect(try mechanism.initialResponse() == Array("n,,n=user,r=rOprNGfwEbeRWgbNEkqO".utf8))
    }

    @Test func passesServiceHostAndAuthorizationIDToDigestMD5() throws {
        let mechanism = try SASLMechanisms.make("DIGEST-MD5", user: "user", password: "pencil", authorizationID: "admin",
                                                service: "pop", host: "mail.example.org")
        let digest = try #require(mechanism as? DigestMD5Mechanism)
        #expect(digest.digestURI == "pop/mail.example.org")
    }

    @Test func listsDigestMD5AfterCRAMMD5() {
        #expect(SASLMechanisms.supported == ["SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "DIGEST-MD5", "PLAIN", "LOGIN"])
    }

    @Test func exposesSCRAMDetailsThroughACast() throws {
        let mechanism = try SASLMechanisms.make("SCRAM-SHA-1", user: "user", password: "pencil")
        let scram = try #require(mechanism as? SCRAMMechanism)
        #expect(scram.hashFunction == .sha1)
        #expect(scram.iterationCount == nil)
    }
}
