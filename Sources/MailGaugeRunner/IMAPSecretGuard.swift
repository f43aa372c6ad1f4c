/// Whether a secret — the password in LOGIN, any SASL response — may cross one IMAP
/// connection. On an unencrypted connection it may not once the server advertised
/// LOGINDISABLED (RFC 9051 §6.2.3, RFC 3501 §7.2.1: "a client MUST NOT issue the LOGIN
/// command") or answered with `[PRIVACYREQUIRED]` (RFC 5530 §3), and not before its
/// capabilities are known, since LOGINDISABLED may be announced only in them. SASL
/// mechanisms that never send the password (SCRAM, CRAM-MD5) are held back too: the
/// server said it wants TLS first.
struct IMAPSecretGuard {
    private let encrypted: Bool
    private var capabilitiesKnown = false
    private var loginDisabled = false
    private var privacyRequired = false

    init(encrypted: Bool) {
        self.encrypted = encrypted
    }

    /// The capabilities must be asked for before a secret can be judged.
    var needsCapabilities: Bool { !encrypted && !capabilitiesKnown }

    mutating func learn(capabilities: [String]) {
        capabilitiesKnown = true
        loginDisabled = capabilities.contains { $0.uppercased() == "LOGINDISABLED" }
    }

    /// A response code seen on the connection, upper-cased.
    mutating func learn(code: String) {
        if code == "PRIVACYREQUIRED" { privacyRequired = true }
    }

    /// Why the password (or, `via` a SASL mechanism, its proof) must not be sent now, or nil
    /// when it may.
    func refusal(via mechanism: String?) -> String? {
        guard !encrypted else { return nil }
        let what = "the password" + (mechanism.map { " in clear with AUTHENTICATE \($0)" } ?? " in clear")
        let remedy = "; use --starttls or imaps://"
        if loginDisabled {
            return "refusing to send \(what): the server advertises LOGINDISABLED on this unencrypted connection (RFC 9051 §6.2.3)" + remedy
        }
        if privacyRequired {
            return "refusing to send \(what): the server answered [PRIVACYREQUIRED] on this unencrypted connection (RFC 5530 §3)" + remedy
        }
        if !capabilitiesKnown {
            return "refusing to send \(what): the server did not list its capabilities, so LOGINDISABLED cannot be ruled out (RFC 9051 §6.2.3)" + remedy
        }
        return nil
    }
}
