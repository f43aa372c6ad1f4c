@testable import MailGaugeRunner
import MailGaugeScenario
import Testing

struct SecretScrubberTests {
    /// A second connection's account replaces `${password}`; a server may still echo the first.
    @Test func aSecretStaysMaskedAfterTheBindingsMoveOn() {
        var scrubber = SecretScrubber()
        var bindings = Bindings()
        bindings.set("password", to: "first-secret", secret: true)
        scrubber.update(from: bindings)
        bindings.set("password", to: "second-secret", secret: true)
        scrubber.update(from: bindings)
        #expect(scrubber.scrub("-ERR first-secret and second-secret") == "-ERR \(Bindings.mask) and \(Bindings.mask)")
    }
}
