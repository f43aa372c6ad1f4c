/// The commands that get a session from not authenticated to authenticated (RFC 9051 §6.2),
/// and ENABLE (RFC 5161).
extension IMAPSession {
    /// RFC 9051 §6.2.1: only before login, only without TLS; the handshake starts right after OK.
    func startTLS(tag: String) {
        if transport.isTLS { return tagged(tag, "BAD", "TLS is already active") }
        if mailboxes != nil && !faults.contains(.startTLSAllowedAfterAuth) {
            return tagged(tag, "BAD", "STARTTLS is only valid before login")
        }
        tagged(tag, "OK", "Begin TLS negotiation now")
        emit()
        transport.startTLS()
    }

    func login(tag: String, user: String, password: String) {
        guard mailboxes == nil else { return tagged(tag, "BAD", "already logged in") }
        guard plaintextLoginAllowed || faults.contains(.loginDespiteLoginDisabled) else {
            return tagged(tag, "NO", "[PRIVACYREQUIRED] LOGIN needs TLS: use STARTTLS first")
        }
        logIn(tag: tag, verb: "LOGIN", user: user, password: password)
    }

    /// AUTHENTICATE PLAIN (RFC 4616), with the initial response on the command line when the
    /// client uses SASL-IR (RFC 4959), otherwise after an empty `+` continuation.
    func authenticate(tag: String, mechanism: String, initialResponse: String?) {
        guard mailboxes == nil else { return tagged(tag, "BAD", "already logged in") }
        guard mechanism == "PLAIN" else { return tagged(tag, "NO", "unsupported authentication mechanism") }
        guard plaintextLoginAllowed else { return tagged(tag, "NO", "[PRIVACYREQUIRED] use STARTTLS first") }
        guard let initialResponse else {
            continuation = .saslResponse(tag: tag, mechanism: mechanism)
            return response.line("+ ")
        }
        authenticatePlain(tag: tag, response: initialResponse)
    }

    func authenticatePlain(tag: String, response text: String) {
        guard let plain = SASLPlain(base64: text) else { return tagged(tag, "BAD", "malformed PLAIN response") }
        guard plain.actsAsSelf else { return tagged(tag, "NO", "[AUTHORIZATIONFAILED] proxy authorization is not supported") }
        logIn(tag: tag, verb: "AUTHENTICATE", user: plain.user, password: plain.password)
    }

    private func logIn(tag: String, verb: String, user: String, password: String) {
        guard let mailboxes = server.store.authenticate(user: user, password: password) else {
            return tagged(tag, "NO", "[AUTHENTICATIONFAILED] invalid user name or password")
        }
        self.mailboxes = mailboxes
        tagged(tag, "OK", "[CAPABILITY \(capabilities.joined(separator: " "))] \(verb) completed")
    }

    /// RFC 5161 §3.1: `* ENABLED` lists what was newly turned on; unknown names are ignored.
    func enable(tag: String, _ names: [String]) {
        let supported: Set<String> = ["IMAP4REV2", "CONDSTORE"]
        let newlyEnabled = names.filter { supported.contains($0) && !enabled.contains($0) }
        enabled.formUnion(newlyEnabled)
        if enabled.contains("CONDSTORE") { condStore = true }
        let spelled = newlyEnabled.map { $0 == "IMAP4REV2" ? "IMAP4rev2" : $0 }
        untagged((["ENABLED"] + spelled).joined(separator: " "))
        tagged(tag, "OK", "ENABLE completed")
    }
}
