import NIOCore

/// One IMAP conversation (RFC 9051, RFC 3501): states, command dispatch, and the untagged
/// updates that keep the client's view of a shared mailbox in step. The commands themselves
/// are in the extensions by state (`+NotAuthenticated`, `+Mailboxes`, `+Messages`, `+Updates`).
final class IMAPSession: ProtocolSession {
    /// A command that continues over more lines after a `+` continuation request.
    enum Continuation {
        /// AUTHENTICATE without SASL-IR: the next line is the client's response (RFC 9051 §6.2.2).
        case saslResponse(tag: String, mechanism: String)
        /// IDLE: waiting for DONE (RFC 2177 §3).
        case idle(tag: String)
    }

    let server: ServerContext
    let transport: SessionTransport
    var framer = IMAPCommandFramer()
    var response: IMAPWriter
    /// Set once logged in: the authenticated state (RFC 9051 §3.2).
    var mailboxes: UserMailboxes?
    /// Set while a mailbox is selected (RFC 9051 §3.3).
    var selected: SelectedMailbox?
    var continuation: Continuation?
    /// Capabilities turned on with ENABLE (RFC 5161), upper-case.
    var enabled: Set<String> = []
    /// CONDSTORE enabled by ENABLE, SELECT (CONDSTORE), or a MODSEQ fetch (RFC 7162 §3.1).
    var condStore = false
    let observerID: Int

    init(server: ServerContext, transport: SessionTransport) {
        self.server = server
        self.transport = transport
        self.response = IMAPWriter(faults: server.faults)
        self.observerID = server.nextSerial()
    }

    var faults: Set<Fault> { server.faults }
    /// IMAP4rev2 rules apply once the client enabled them (RFC 9051 §6.3.1).
    var rev2: Bool { enabled.contains("IMAP4REV2") }

    func start() {
        var text = "MailGauge reference IMAP server ready"
        if faults.contains(.longLines) { text += " " + String(repeating: "x", count: 9000) }
        untagged("OK [CAPABILITY \(capabilities.joined(separator: " "))] \(text)")
        emit()
    }

    func consume(_ input: inout ByteBuffer) {
        while !transport.isSwitching {
            switch framer.next(from: &input) {
            case .incomplete(let needsContinuation):
                if needsContinuation {
                    response.line("+ Ready for literal data")
                    emit()
                }
                return
            case .tooLarge:
                untagged("BAD [TOOBIG] command line or literal too large")
            case .command(let bytes):
                handle(bytes)
            }
            emit()
        }
    }

    func connectionClosed() {
        deselect()
    }

    // MARK: Dispatch

    private func handle(_ line: [UInt8]) {
        switch continuation {
        case .saslResponse(let tag, _):
            continuation = nil
            let text = String(decoding: line, as: UTF8.self)
            if text == "*" { return tagged(tag, "BAD", "AUTHENTICATE cancelled") }
            return authenticatePlain(tag: tag, response: text)
        case .idle(let tag):
            continuation = nil
            if String(decoding: line, as: UTF8.self).uppercased() == "DONE" { return tagged(tag, "OK", "IDLE terminated") }
            return tagged(tag, "BAD", "expected DONE")
        case nil:
            break
        }
        var parser = IMAPCommandParser(line)
        let (tag, result) = parser.command()
        guard let tag else { return untagged("BAD missing tag") }
        switch result {
        case .failure(let error): tagged(tag, "BAD", error.message)
        case .success(let command): execute(command, tag: tag)
        }
    }

    private func execute(_ command: IMAPCommand, tag: String) {
        switch command {
        case .capability:
            untagged("CAPABILITY " + capabilities.joined(separator: " "))
            tagged(tag, "OK", "CAPABILITY completed")
        case .noop:
            finishCommand(tag, "NOOP completed")
        case .check:
            finishCommand(tag, "CHECK completed")
        case .logout:
            untagged("BYE MailGauge reference server logging out")
            tagged(tag, "OK", "LOGOUT completed")
            deselect()
            emit()
            transport.close()
        case .id:
            untagged(#"ID ("name" "MailGauge Reference" "vendor" "MailGauge")"#)
            tagged(tag, "OK", "ID completed")
        case .startTLS: startTLS(tag: tag)
        case .login(let user, let password): login(tag: tag, user: user, password: password)
        case .authenticate(let mechanism, let initialResponse): authenticate(tag: tag, mechanism: mechanism, initialResponse: initialResponse)
        default:
            guard let mailboxes else { return tagged(tag, "BAD", "log in first") }
            executeAuthenticated(command, tag: tag, mailboxes: mailboxes)
        }
    }

    private func executeAuthenticated(_ command: IMAPCommand, tag: String, mailboxes: UserMailboxes) {
        switch command {
        case .enable(let names): enable(tag: tag, names)
        case .select(let name, let readOnly, let condStore): select(tag: tag, name, readOnly: readOnly, condStore: condStore, in: mailboxes)
        case .create(let name, let specialUse): changeHierarchy(tag: tag, "CREATE") { try mailboxes.create(name, specialUse: specialUse) }
        case .delete(let name): changeHierarchy(tag: tag, "DELETE") { try mailboxes.delete(name) }
        case .rename(let name, let newName): changeHierarchy(tag: tag, "RENAME") { try mailboxes.rename(name, to: newName) }
        case .subscribe(let name): changeHierarchy(tag: tag, "SUBSCRIBE") { mailboxes.setSubscribed(name, true) }
        case .unsubscribe(let name): changeHierarchy(tag: tag, "UNSUBSCRIBE") { mailboxes.setSubscribed(name, false) }
        case .list(let list): self.list(tag: tag, list, in: mailboxes)
        case .lsub(let reference, let pattern): lsub(tag: tag, reference: reference, pattern: pattern, in: mailboxes)
        case .namespace:
            untagged(#"NAMESPACE (("" "/")) NIL NIL"#)
            tagged(tag, "OK", "NAMESPACE completed")
        case .status(let name, let items): status(tag: tag, name, items: items, in: mailboxes)
        case .append(let name, let flags, let date, let message):
            append(tag: tag, to: name, flags: flags, date: date, message: message, in: mailboxes)
        case .idle: idle(tag: tag)
        default:
            guard let selected else { return tagged(tag, "BAD", "select a mailbox first") }
            executeSelected(command, tag: tag, mailboxes: mailboxes, view: selected)
        }
    }

    private func executeSelected(_ command: IMAPCommand, tag: String, mailboxes: UserMailboxes, view: SelectedMailbox) {
        switch command {
        case .close:
            if !view.readOnly { _ = try? mailboxes.expunge(in: view.name) }
            deselect()
            tagged(tag, "OK", "CLOSE completed")
        case .unselect:
            deselect()
            tagged(tag, "OK", "UNSELECT completed")
        case .expunge(let uids): expunge(tag: tag, uids: uids, in: mailboxes, view: view)
        case .search(let uid, let returnOptions, let key): search(tag: tag, uid: uid, returnOptions: returnOptions, key: key, in: mailboxes, view: view)
        case .fetch(let uid, let set, let items, let changedSince):
            fetch(tag: tag, uid: uid, set: set, items: items, changedSince: changedSince, in: mailboxes, view: view)
        case .store(let uid, let set, let operation, let silent, let flags, let unchangedSince):
            store(tag: tag, uid: uid, set: set, operation: operation, silent: silent, flags: flags,
                  unchangedSince: unchangedSince, in: mailboxes, view: view)
        case .copy(let uid, let set, let target): transfer(tag: tag, uid: uid, set: set, to: target, move: false, in: mailboxes, view: view)
        case .move(let uid, let set, let target): transfer(tag: tag, uid: uid, set: set, to: target, move: true, in: mailboxes, view: view)
        default: tagged(tag, "BAD", "command not valid in this state")
        }
    }

    // MARK: Capabilities

    /// What CAPABILITY lists now: it changes with TLS and login (RFC 9051 §6.1.1, §6.2.1).
    var capabilities: [String] {
        var list = ["IMAP4rev1", "IMAP4rev2", "LITERAL+", "SASL-IR", "ID", "ENABLE", "IDLE"]
        let offersStartTLS = transport.isTLS ? faults.contains(.startTLSAdvertisedAfterTLS)
                                             : (mailboxes == nil || faults.contains(.startTLSAllowedAfterAuth))
        if offersStartTLS { list.append("STARTTLS") }
        if mailboxes == nil {
            list.append(plaintextLoginAllowed ? "AUTH=PLAIN" : "LOGINDISABLED")
        } else {
            list += ["NAMESPACE", "UNSELECT", "UIDPLUS", "MOVE", "CHILDREN", "SPECIAL-USE", "CREATE-SPECIAL-USE", "LIST-EXTENDED",
                     "LIST-STATUS", "ESEARCH", "CONDSTORE", "BINARY", "STATUS=SIZE"]
        }
        return list
    }

    var plaintextLoginAllowed: Bool {
        transport.isTLS || !server.configuration.requireTLSForLogin
    }

    // MARK: Output

    func untagged(_ text: String) {
        response.line("* " + text)
    }

    func tagged(_ tag: String, _ status: String, _ text: String) {
        response.line("\(tag) \(status) \(text)")
    }

    /// Hands what was written to the connection.
    func emit() {
        guard !response.bytes.isEmpty else { return }
        transport.send(response.bytes)
        response = IMAPWriter(faults: faults)
    }
}
