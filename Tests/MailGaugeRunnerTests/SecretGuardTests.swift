@testable import MailGaugeRunner
import MailGaugeWire
import Testing

/// The rules that keep a secret off an unencrypted connection the server forbids it on, as
/// tables: what the server said, and whether the secret may go.
struct IMAPSecretGuardTests {
    @Test func anEncryptedConnectionCarriesSecretsWhateverWasSaid() {
        var guarding = IMAPSecretGuard(encrypted: true)
        guarding.learn(capabilities: ["IMAP4rev1", "LOGINDISABLED"])
        guarding.learn(code: "PRIVACYREQUIRED")
        #expect(!guarding.needsCapabilities)
        #expect(guarding.refusal(via: nil) == nil)
    }

    @Test func unknownCapabilitiesAreAskedForFirstAndWithholdUntilKnown() {
        var guarding = IMAPSecretGuard(encrypted: false)
        #expect(guarding.needsCapabilities)
        #expect(guarding.refusal(via: nil)?.contains("did not list its capabilities") == true)
        guarding.learn(capabilities: ["IMAP4rev1", "AUTH=PLAIN"])
        #expect(!guarding.needsCapabilities)
        #expect(guarding.refusal(via: "PLAIN") == nil)
    }

    @Test(arguments: [["IMAP4rev1", "LOGINDISABLED"], ["imap4rev1", "logindisabled"]])
    func loginDisabledWithholdsLoginAndEverySASLMechanism(capabilities: [String]) {
        var guarding = IMAPSecretGuard(encrypted: false)
        guarding.learn(capabilities: capabilities)
        for mechanism in [nil, "PLAIN", "SCRAM-SHA-256", "CRAM-MD5"] {
            let refusal = guarding.refusal(via: mechanism)
            #expect(refusal?.hasPrefix("refusing to send the password in clear") == true)
            #expect(refusal?.contains("LOGINDISABLED") == true)
        }
    }

    @Test func privacyRequiredWithholdsAsLoginDisabledDoes() {
        var guarding = IMAPSecretGuard(encrypted: false)
        guarding.learn(capabilities: ["IMAP4rev1"])
        guarding.learn(code: "PRIVACYREQUIRED")
        #expect(guarding.refusal(via: nil)?.contains("[PRIVACYREQUIRED]") == true)
    }
}

struct POP3SecretGuardTests {
    private func capa(_ lines: String...) -> POP3CapabilityList {
        POP3CapabilityList(lines: PackedLines(lines.map(\.utf8)))
    }

    @Test(arguments: ["-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.",
                      "-ERR TLS required", "-ERR use STLS first, please encrypt"])
    func anErrSayingTLSIsRequiredWithholdsEverySecret(line: String) {
        var guarding = POP3SecretGuard(encrypted: false)
        guarding.learn(ok: false, to: "USER") { line }
        for verb in ["PASS", "APOP", "AUTH"] { #expect(guarding.refusal(sending: verb)?.contains(line) == true) }
    }

    @Test func passNeverFollowsARefusedUser() {
        var guarding = POP3SecretGuard(encrypted: false)
        guarding.learn(ok: false, to: "USER") { "-ERR no such user" }
        #expect(guarding.refusal(sending: "PASS")?.contains("refused USER") == true)
        #expect(guarding.refusal(sending: "APOP") == nil)
        guarding.learn(ok: true, to: "USER") { "+OK" }
        #expect(guarding.refusal(sending: "PASS") == nil)
    }

    @Test func capaWithSTLSButNoUserWithholdsPassAndAPOP() {
        var guarding = POP3SecretGuard(encrypted: false)
        #expect(guarding.needsCapabilities(before: "APOP") && guarding.needsCapabilities(before: "AUTH"))
        #expect(!guarding.needsCapabilities(before: "PASS"))
        guarding.learn(capabilities: capa("TOP", "UIDL", "STLS", "SASL SCRAM-SHA-256"))
        #expect(guarding.refusal(sending: "PASS")?.contains("not USER") == true)
        #expect(guarding.refusal(sending: "APOP")?.contains("not USER") == true)
        #expect(guarding.refusal(sending: "AUTH", mechanism: "PLAIN")?.contains("not SASL PLAIN") == true)
        #expect(guarding.refusal(sending: "AUTH", mechanism: "scram-sha-256") == nil)
    }

    @Test func aServerThatOffersUserOrNoSTLSHasSaidNothingAgainstIt() {
        var offersUser = POP3SecretGuard(encrypted: false)
        offersUser.learn(capabilities: capa("USER", "STLS", "SASL PLAIN"))
        #expect(offersUser.refusal(sending: "PASS") == nil)
        var noTLS = POP3SecretGuard(encrypted: false)
        noTLS.learn(capabilities: capa("TOP"))
        #expect(noTLS.refusal(sending: "PASS") == nil && noTLS.refusal(sending: "AUTH", mechanism: "PLAIN") == nil)
    }

    @Test func anEncryptedConnectionLearnsNothingAndWithholdsNothing() {
        var guarding = POP3SecretGuard(encrypted: true)
        guarding.learn(ok: false, to: "USER") { "-ERR TLS required" }
        guarding.learn(capabilities: capa("STLS"))
        #expect(guarding.refusal(sending: "PASS") == nil && !guarding.needsCapabilities(before: "AUTH"))
    }
}
