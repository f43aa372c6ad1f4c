import Testing
import MailGaugeAuth

@Suite struct APOPDigestTests {
    /// RFC 1939 §7's example.
    @Test func matchesRFC1939Example() {
        let digest = APOPDigest.compute(timestamp: Array("<1896.697170952@dbc.mtview.ca.us>".utf8), secret: "tanstaaf")
        #expect(digest == "c4c9334bac560ecc979e58001b3e22fb")
    }
}
