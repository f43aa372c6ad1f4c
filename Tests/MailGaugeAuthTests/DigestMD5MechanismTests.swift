import Testing
import MailGaugeAuth

@Suite struct DigestMD5MechanismTests {
    /// The IMAP exchange of RFC 2831 §4, as the RFC prints it in base64.
    static let rfcChallenge = "cmVhbG09ImVsd29vZC5pbm5vc29mdC5jb20iLG5vbmNlPSJPQTZNRzl0RVFHbTJoaCIscW9wPSJhdXRoIixhbGdvcml0aG09bWQ1LXNlc3MsY2hhcnNldD11dGYtOA=="
    static let rfcResponse = "Y2hhcnNldD11dGYtOCx1c2VybmFtZT0iY2hyaXMiLHJlYWxtPSJlbHdvb2QuaW5ub3NvZnQuY29tIixub25jZT0iT0E2TUc5dEVRR20yaGgiLG5jPTAwMDAwMDAxLGNub25jZT0iT0E2TUhYaDZWcVRyUmsiLGRpZ2VzdC11cmk9ImltYXAvZWx3b29kLmlubm9zb2Z0LmNvbSIscmVzcG9uc2U9ZDM4OGRhZDkwZDRiYmQ3NjBhMTUyMzIxZjIxNDNhZjcscW9wPWF1dGg="
    static let rfcResponseAuth = "cnNwYXV0aD1lYTQwZjYwMzM1YzQyN2I1NTI3Yjg0ZGJhYmNkZmZmZA=="

    static func rfcMechanism(user: String = "chris", password: String = "secret", authorizationID: String? = nil) throws(SASLError) -> DigestMD5Mechanism {
        try DigestMD5Mechanism(user: user, password: password, authorizationID: authorizationID,
                               service: "imap", host: "elwood.innosoft.com", clientNonce: Array("OA6MHXh6VqTrRk".utf8))
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The RFC's challenge with its realm, charset and nonce replaced.
    static func challenge(realm: String? = #"realm="elwood.innosoft.com","#, charset: String = ",charset=utf-8", nonce: String = #"nonce="OA6MG9tEQGm2hh""#) -> [UInt8] {
        bytes((realm ?? "") + nonce + #",qop="auth",algorithm=md5-sess"# + charset)
    }

    @Test func matchesRFC2831Example() throws {
        var mechanism = try Self.rfcMechanism()
        #expect(mechanism.digestURI == "imap/elwood.innosoft.com")
        #expect(try mechanism.initialResponse() == nil)
        let response = try mechanism.respond(to: Base64.decode(Self.rfcChallenge))
        #expect(response == (try Base64.decode(Self.rfcResponse)))
        #expect(String(decoding: response, as: UTF8.self).contains("response=d388dad90d4bbd760a152321f2143af7"))
        #expect(try mechanism.respond(to: Base64.decode(Self.rfcResponseAuth)) == [])
        #expect(!mechanism.isComplete)
        try mechanism.verifySuccess(additionalData: nil)
        #expect(mechanism.isComplete)
    }

    @Test func makeAcceptsServiceHostAndNonce() throws {
        var mechanism = try SASLMechanisms.make("digest-md5", user: "chris", password: "secret", clientNonce: Self.bytes("OA6MHXh6VqTrRk"),
                                                service: "imap", host: "elwood.innosoft.com")
        #expect(mechanism.name == "DIGEST-MD5")
        #expect(try mechanism.respond(to: Base64.decode(Self.rfcChallenge)) == (try Base64.decode(Self.rfcResponse)))
        let defaults = try #require(try SASLMechanisms.make("DIGEST-MD5", user: "chris", password: "secret") as? DigestMD5Mechanism)
        #expect(defaults.digestURI == "imap/localhost")
    }

    /// Expected values below come from an independent MD5 computation of RFC 2831 §2.1.2.1.
    @Test func answersADovecotStyleChallenge() throws {
        var mechanism = try DigestMD5Mechanism(user: "user13", password: "mg-pass-13", service: "pop", host: "localhost",
                                               clientNonce: Self.bytes("dGVzdC1jbm9uY2U="))
        let challenge = #"realm="",nonce="sxVh0yD+lSg8EaVHYBTBrA==",qop="auth",charset="utf-8",algorithm="md5-sess""#
        let response = try mechanism.respond(to: Self.bytes(challenge))
        #expect(response == Self.bytes(#"charset=utf-8,username="user13",realm="",nonce="sxVh0yD+lSg8EaVHYBTBrA==",nc=00000001,cnonce="dGVzdC1jbm9uY2U=",digest-uri="pop/localhost",response=5f98353ef45bfcb224075512e1908a4a,qop=auth"#))
        #expect(try mechanism.respond(to: Self.bytes("rspauth=25c1e85155891d228f53d27375ac376f")) == [])
        try mechanism.verifySuccess(additionalData: nil)
        #expect(mechanism.isComplete)
    }

    @Test func omitsTheRealmAndCharsetWhenTheServerOffersNone() throws {
        var mechanism = try Self.rfcMechanism()
        let response = try mechanism.respond(to: Self.challenge(realm: nil, charset: ""))
        #expect(response == Self.bytes(#"username="chris",nonce="OA6MG9tEQGm2hh",nc=00000001,cnonce="OA6MHXh6VqTrRk",digest-uri="imap/elwood.innosoft.com",response=695dcc815019923b9d438fd28c641aa9,qop=auth"#))
    }

    @Test func picksTheFirstOfSeveralRealms() throws {
        var mechanism = try Self.rfcMechanism()
        let response = String(decoding: try mechanism.respond(to: Self.challenge(realm: #"realm="first.example", realm="second.example","#)), as: UTF8.self)
        #expect(response.contains(#"realm="first.example","#))
        #expect(!response.contains("second.example"))
        #expect(response.contains("response=74fbc8e0729689259185c29434336306"))
    }

    @Test func resolvesAndAppliesQuotedPairs() throws {
        var mechanism = try Self.rfcMechanism(user: #"ch"ris\"#)
        let response = String(decoding: try mechanism.respond(to: Self.challenge(nonce: #"nonce="OA6\"MG9\\tE""#)), as: UTF8.self)
        #expect(response.contains(#"username="ch\"ris\\","#))
        #expect(response.contains(#"nonce="OA6\"MG9\\tE","#))
        #expect(response.contains("response=ca8c7d1c28be343d30073a6bdf5dee65"))
    }

    @Test func toleratesWhitespaceEmptyElementsCaseAndUnknownDirectives() throws {
        var mechanism = try Self.rfcMechanism()
        let challenge = #" Realm = "elwood.innosoft.com" ,, NONCE="OA6MG9tEQGm2hh",qop="auth-int, auth",stale=true,maxbuf=65536,x-new="a,b",algorithm="MD5-sess",charset=UTF-8 ,"#
        #expect(try mechanism.respond(to: Self.bytes(challenge)) == (try Base64.decode(Self.rfcResponse)))
    }

    @Test func sendsAndHashesTheAuthorizationID() throws {
        var mechanism = try Self.rfcMechanism(authorizationID: "admin")
        let response = String(decoding: try mechanism.respond(to: try Base64.decode(Self.rfcChallenge)), as: UTF8.self)
        #expect(response.hasSuffix(#",response=23e90c577367d8f917efa6ba0cb7eebc,qop=auth,authzid="admin""#))
        _ = try mechanism.respond(to: Self.bytes("rspauth=9a3915030cc8922097cd627a25ee2b9e"))
    }

    /// RFC 2831 §2.1.2.1: with charset=utf-8, strings within ISO 8859-1 are hashed as ISO 8859-1.
    @Test func hashesISO8859_1StringsAsSuch() throws {
        var withCharset = try Self.rfcMechanism(user: "jörg", password: "pässwörd")
        let utf8Response = try withCharset.respond(to: Self.challenge())
        #expect(utf8Response.starts(with: Self.bytes(#"charset=utf-8,username="jörg","#)))
        #expect(String(decoding: utf8Response, as: UTF8.self).contains("response=9db894cddc35998455694d6827505d9b"))

        var withoutCharset = try Self.rfcMechanism(user: "jörg", password: "pässwörd")
        let latin1Response = try withoutCharset.respond(to: Self.challenge(charset: ""))
        #expect(latin1Response.starts(with: [UInt8](#"username="j"#.utf8) + [0xF6] + Self.bytes(#"rg","#)))
        #expect(String(decoding: latin1Response, as: UTF8.self).contains("response=9db894cddc35998455694d6827505d9b"))
    }

    @Test func hashesOtherPasswordsAsUTF8OnlyWithCharset() throws {
        var withCharset = try Self.rfcMechanism(password: "пароль")
        #expect(String(decoding: try withCharset.respond(to: Self.challenge()), as: UTF8.self).contains("response=f83cf49ac2a962cdc003ee3851dde7ce"))
        var withoutCharset = try Self.rfcMechanism(password: "пароль")
        let error = #expect(throws: SASLError.self) { try withoutCharset.respond(to: Self.challenge(charset: "")) }
        #expect(error?.kind == .invalidCredential)
    }

    static let malformedChallenges: [String] = [
        "",
        #"realm="elwood.innosoft.com",qop="auth",algorithm=md5-sess,charset=utf-8"#,
        #"nonce="",algorithm=md5-sess"#,
        #"nonce="a",nonce="b",algorithm=md5-sess"#,
        #"nonce="OA6MG9tEQGm2hh",qop="auth""#,
        #"nonce="OA6MG9tEQGm2hh",algorithm=md5"#,
        #"nonce="OA6MG9tEQGm2hh",algorithm=md5-sess,algorithm=md5-sess"#,
        #"nonce="OA6MG9tEQGm2hh,algorithm=md5-sess"#,
        #"nonce="OA6MG9tEQGm2hh\"#,
        #"nonce="OA6MG9tEQGm2hh",algorithm=md5-sess,charset=iso-8859-1"#,
        #"nonce="OA6MG9tEQGm2hh",qop="auth-conf",algorithm=md5-sess"#,
        #"nonce="OA6MG9tEQGm2hh" x,algorithm=md5-sess"#,
        #"nonce,algorithm=md5-sess"#,
        #"nonce=,algorithm=md5-sess"#,
        #"=x,nonce="OA6MG9tEQGm2hh",algorithm=md5-sess"#,
        "nonce=\"OA6\nMG9\",algorithm=md5-sess",
        #"nonce="OA6MG9tEQGm2hh",algorithm=md5-sess,x=""# + String(repeating: "x", count: 2048) + #"""#,
    ]

    @Test(arguments: malformedChallenges)
    func rejectsAMalformedChallenge(_ challenge: String) throws {
        var mechanism = try Self.rfcMechanism()
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: Self.bytes(challenge)) }
        #expect(error?.kind == .malformedChallenge)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func rejectsAWrongResponseAuth() throws {
        var mechanism = try Self.rfcMechanism()
        _ = try mechanism.respond(to: Base64.decode(Self.rfcChallenge))
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: Self.bytes("rspauth=ea40f60335c427b5527b84dbabcdfff0")) }
        #expect(error?.kind == .serverSignatureMismatch)
        let viaSuccess = #expect(throws: SASLError.self) { try mechanism.verifySuccess(additionalData: Self.bytes("rspauth=00000000000000000000000000000000")) }
        #expect(viaSuccess?.kind == .serverSignatureMismatch)
        #expect(!mechanism.isComplete)
    }

    @Test(arguments: ["", "rspauth=EA40F60335C427B5527B84DBABCDFFFD", "rspauth=ea40f603", "rspauth=ea40f60335c427b5527b84dbabcdfffd,x=1",
                      "rsp=ea40f60335c427b5527b84dbabcdfffd", #"rspauth="ea40f60335c427b5527b84dbabcdfffd"#])
    func rejectsAMalformedResponseAuth(_ responseAuth: String) throws {
        var mechanism = try Self.rfcMechanism()
        _ = try mechanism.respond(to: Base64.decode(Self.rfcChallenge))
        let error = #expect(throws: SASLError.self) { try mechanism.respond(to: Self.bytes(responseAuth)) }
        #expect(error?.kind == .malformedChallenge)
    }

    @Test func acceptsResponseAuthAsAdditionalDataWithSuccess() throws {
        var mechanism = try Self.rfcMechanism()
        _ = try mechanism.respond(to: Base64.decode(Self.rfcChallenge))
        try mechanism.verifySuccess(additionalData: Base64.decode(Self.rfcResponseAuth))
        #expect(mechanism.isComplete)
    }

    @Test func refusesSuccessWithoutResponseAuth() throws {
        var mechanism = try Self.rfcMechanism()
        let early = #expect(throws: SASLError.self) { try mechanism.verifySuccess(additionalData: nil) }
        #expect(early?.kind == .outOfOrder)
        _ = try mechanism.respond(to: Base64.decode(Self.rfcChallenge))
        let missing = #expect(throws: SASLError.self) { try mechanism.verifySuccess(additionalData: nil) }
        #expect(missing?.kind == .missingServerSignature)
        #expect(!mechanism.isComplete)
    }

    @Test func rejectsAnythingAfterResponseAuth() throws {
        var mechanism = try Self.rfcMechanism()
        _ = try mechanism.respond(to: Base64.decode(Self.rfcChallenge))
        _ = try mechanism.respond(to: Base64.decode(Self.rfcResponseAuth))
        let challenge = #expect(throws: SASLError.self) { try mechanism.respond(to: Base64.decode(Self.rfcResponseAuth)) }
        #expect(challenge?.kind == .unexpectedChallenge)
        let data = #expect(throws: SASLError.self) { try mechanism.verifySuccess(additionalData: Base64.decode(Self.rfcResponseAuth)) }
        #expect(data?.kind == .unexpectedChallenge)
        try mechanism.verifySuccess(additionalData: nil)
        let twice = #expect(throws: SASLError.self) { try mechanism.verifySuccess(additionalData: nil) }
        #expect(twice?.kind == .outOfOrder)
    }

    @Test(arguments: [("", "imap", "localhost", "n"), ("chris", "", "localhost", "n"), ("chris", "imap", "", "n"),
                      ("chris", "imap/x", "localhost", "n"), ("chris", "imap", "a/b", "n"), ("chr\nis", "imap", "localhost", "n"),
                      ("chris", "imap", "localhost", ""), ("chris", "imap", "localhost", "a b")])
    func rejectsUnusableParameters(user: String, service: String, host: String, clientNonce: String) {
        let error = #expect(throws: SASLError.self) {
            try DigestMD5Mechanism(user: user, password: "secret", service: service, host: host, clientNonce: Array(clientNonce.utf8))
        }
        #expect(error?.kind == .invalidCredential)
    }

    @Test func sendsARandomClientNonce() throws {
        func clientNonce() throws -> Substring {
            var mechanism = try DigestMD5Mechanism(user: "chris", password: "secret")
            let response = String(decoding: try mechanism.respond(to: Self.challenge()), as: UTF8.self)
            let start = try #require(response.range(of: #"cnonce=""#)).upperBound
            return response[start...].prefix { $0 != "\"" }
        }
        let first = try clientNonce()
        #expect(first.count == 24)
        #expect(try clientNonce() != first)
    }
}
