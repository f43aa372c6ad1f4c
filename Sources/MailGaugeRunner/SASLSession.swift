import MailGaugeAuth

/// One SASL login (RFC 4422) as IMAP AUTHENTICATE and POP3 AUTH carry it: base64 lines out,
/// `+ base64` challenges in. The protocols differ only in how they start and end.
struct SASLSession {
    private var mechanism: any SASLClientMechanism

    /// `service` and `host` name the server for mechanisms that bind to it (DIGEST-MD5's
    /// digest-uri, RFC 2831 §2.1.2): `imap` or `pop` (RFC 2831 §4 and RFC 5034 §4).
    init(_ name: String, user: String, password: String, service: String, host: String) throws(SASLError) {
        mechanism = try SASLMechanisms.make(name, user: user, password: password, service: service, host: host)
    }

    var name: String { mechanism.name }

    /// The initial response for the command line (RFC 4959 SASL-IR, RFC 5034 §4): base64, `=`
    /// for an empty one, or nil when the mechanism has none or the server cannot take one.
    mutating func initialResponse(allowed: Bool) throws(SASLError) -> String? {
        guard allowed, let response = try mechanism.initialResponse() else { return nil }
        return response.isEmpty ? "=" : Base64.encode(response)
    }

    /// The base64 answer to the text after `+ ` in a challenge line.
    mutating func answer(_ challenge: [UInt8]) throws(SASLError) -> String {
        let decoded = try Base64.decode(challenge)
        return Base64.encode(try mechanism.respond(to: decoded))
    }

    /// Checks the server's success: for SCRAM, that the server proved it knows the password.
    mutating func finish() throws(SASLError) {
        try mechanism.verifySuccess(additionalData: nil)
    }

    /// The transcript's stand-in for any client payload: they carry or prove the password.
    static let maskedPayload = "[REDACTED]"
}
