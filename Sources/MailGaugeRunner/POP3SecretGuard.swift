/// Whether a secret — PASS's password, APOP's digest, any AUTH response — may cross one POP3
/// connection. POP3 has no LOGINDISABLED; a server that wants TLS first says so in an `-ERR`
/// (Dovecot: `-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS)
/// connections.`) or in what CAPA leaves out. On an unencrypted connection:
/// - after such an `-ERR`, no secret is sent (RFC 2595 §2.2: a server may require STLS
///   before any authentication);
/// - PASS never follows a USER the server refused (RFC 1939 §7: PASS is given "immediately
///   after a successful USER command");
/// - where CAPA lists STLS but not USER, neither PASS nor APOP is sent: plaintext logins wait
///   for TLS there (RFC 2449 §6.3: USER "indicates that the USER command is supported"; RFC
///   2595 §2.2), and APOP's digest, brute-forced offline, is as good as the password; where
///   it lists STLS and not the SASL mechanism asked for, AUTH is not sent (RFC 2449 §6.9).
///   AUTH and APOP wait for CAPA to be known: nothing else on the connection may have told.
struct POP3SecretGuard {
    private let encrypted: Bool
    /// The `-ERR` line that said TLS is required, escaped.
    private var tlsRequired: String?
    private var userRefused = false
    /// CAPA on this connection, when read.
    private var capabilities: POP3CapabilityList?

    init(encrypted: Bool) {
        self.encrypted = encrypted
    }

    /// Words by which servers say a command needs TLS first.
    private static let tlsWords = ["TLS", "SSL", "ENCRYPT", "SECURE", "PRIVACY", "PLAINTEXT"]

    /// Whether an `-ERR` text says that TLS is required.
    static func saysTLSRequired(_ text: String) -> Bool {
        let upper = text.uppercased()
        return tlsWords.contains { upper.contains($0) }
    }

    /// Whether `verb` must wait for CAPA before its secret can be judged.
    func needsCapabilities(before verb: String) -> Bool {
        !encrypted && capabilities == nil && (verb == "AUTH" || verb == "APOP")
    }

    /// A reply to the command `verb`; `statusLine` (escaped) is rendered only for an `-ERR`.
    mutating func learn(ok: Bool, to verb: String, statusLine: () -> String) {
        guard !encrypted else { return }
        if verb == "USER" { userRefused = !ok }
        guard !ok else { return }
        let text = statusLine()
        if Self.saysTLSRequired(text) { tlsRequired = text }
    }

    /// What CAPA listed (nothing, for a server that does not answer CAPA).
    mutating func learn(capabilities: POP3CapabilityList) {
        self.capabilities = capabilities
    }

    /// Why `verb` (with SASL `mechanism` for AUTH), carrying a secret, must not be sent now,
    /// or nil when it may.
    func refusal(sending verb: String, mechanism: String? = nil) -> String? {
        guard !encrypted else { return nil }
        let remedy = "; use --starttls or pop3s://"
        if let tlsRequired {
            return "refusing to send \(verb)'s secret in clear: the server answered '\(tlsRequired)' on this unencrypted connection (RFC 2595 §2.2)" + remedy
        }
        if verb == "PASS", userRefused {
            return "refusing to send the password in clear: the server refused USER, and PASS may only follow a successful USER (RFC 1939 §7)" + remedy
        }
        guard let capabilities, capabilities.tags.contains("STLS") else { return nil }
        if verb == "PASS" || verb == "APOP", !capabilities.tags.contains("USER") {
            return "refusing to send \(verb)'s secret in clear: CAPA lists STLS but not USER on this unencrypted connection, so logins wait for TLS (RFC 2449 §6.3, RFC 2595 §2.2)" + remedy
        }
        if verb == "AUTH", let mechanism, !capabilities.mechanisms.contains(mechanism.uppercased()) {
            return "refusing to send AUTH \(mechanism)'s secret in clear: CAPA lists STLS but not SASL \(mechanism) on this unencrypted connection (RFC 2449 §6.9, RFC 2595 §4)" + remedy
        }
        return nil
    }
}
