/// Whether a secret — PASS's password, APOP's digest, any AUTH response — may cross one POP3
/// connection. POP3 has no LOGINDISABLED; a server that wants TLS first says so in an
/// `-ERR` (Dovecot: `-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS)
/// connections.`). On an unencrypted connection, after such a reply no secret is sent
/// (RFC 2595 §2.2: the server may require STLS before any authentication), and PASS never
/// follows a USER the server refused (RFC 1939 §7: PASS is given "immediately after a
/// successful USER command").
struct POP3SecretGuard {
    private let encrypted: Bool
    /// The `-ERR` line that said TLS is required, escaped.
    private var tlsRequired: String?
    private var userRefused = false

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

    /// A reply to the command `verb`; `statusLine` (escaped) is rendered only for an `-ERR`.
    mutating func learn(ok: Bool, to verb: String, statusLine: () -> String) {
        guard !encrypted else { return }
        if verb == "USER" { userRefused = !ok }
        guard !ok else { return }
        let text = statusLine()
        if Self.saysTLSRequired(text) { tlsRequired = text }
    }

    /// Why `verb`, carrying a secret, must not be sent now, or nil when it may.
    func refusal(sending verb: String) -> String? {
        guard !encrypted else { return nil }
        if let tlsRequired {
            return "refusing to send \(verb)'s secret in clear: the server answered '\(tlsRequired)' on this unencrypted connection (RFC 2595 §2.2); use --starttls or pop3s://"
        }
        if verb == "PASS", userRefused {
            return "refusing to send the password in clear: the server refused USER, and PASS may only follow a successful USER (RFC 1939 §7); use --starttls or pop3s:// if it requires TLS"
        }
        return nil
    }
}
