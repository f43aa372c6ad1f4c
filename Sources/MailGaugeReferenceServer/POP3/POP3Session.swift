import NIOCore

/// One POP3 conversation (RFC 1939): AUTHORIZATION, TRANSACTION, UPDATE, with CAPA (RFC 2449),
/// STLS (RFC 2595), AUTH PLAIN (RFC 5034), APOP, and RFC 3206 response codes.
final class POP3Session: ProtocolSession {
    private enum State {
        case authorization(user: String?)
        /// AUTH PLAIN sent without an initial response: the next line is the client's response.
        case awaitingSASLResponse
        case transaction(POP3Maildrop, UserMailboxes)
        case done
    }

    /// RFC 2449 §4 limits commands to 255 octets; a little slack, then the line is refused.
    private static let maxCommandLength = 1024

    private let server: ServerContext
    private let transport: SessionTransport
    private let writer: POP3ReplyWriter
    private let challenge: APOPChallenge
    private var state = State.authorization(user: nil)

    init(server: ServerContext, transport: SessionTransport) {
        self.server = server
        self.transport = transport
        self.writer = POP3ReplyWriter(faults: server.faults)
        self.challenge = APOPChallenge(serial: server.nextSerial(), seconds: WallClock.secondsSince1970())
    }

    private var faults: Set<Fault> { server.faults }

    func start() {
        var text = "MailGauge reference POP3 server ready"
        if faults.contains(.longLines) { text += " " + String(repeating: "x", count: 600) }
        reply(true, text + " " + challenge.timestamp)
    }

    func consume(_ input: inout ByteBuffer) {
        while !transport.isSwitching {
            switch LineSplitter.nextLine(from: &input, maxLength: Self.maxCommandLength) {
            case .incomplete: return
            case .tooLong: reply(false, "command line too long")
            case .line(let line): handle(String(decoding: line, as: UTF8.self))
            }
        }
    }

    func connectionClosed() {
        // RFC 1939 §6: without QUIT there is no UPDATE state, so nothing is deleted.
        if case .transaction(let maildrop, let mailboxes) = state, faults.contains(.deleteWithoutQuit) {
            mailboxes.remove(uids: maildrop.deletedUIDs, from: "INBOX")
        }
        state = .done
    }

    // MARK: Dispatch

    private func handle(_ line: String) {
        if case .awaitingSASLResponse = state {
            state = .authorization(user: nil)
            if line == "*" { return reply(false, "authentication cancelled") }
            return authenticatePlain(line)
        }
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let verb = words[0].uppercased(), arguments = Array(words.dropFirst())
        switch (verb, state) {
        case ("CAPA", _): capa()
        case ("QUIT", _): quit()
        case ("NOOP", .transaction): reply(true, "")
        case ("STLS", _): startTLS()
        case ("USER", .authorization): user(arguments)
        case ("PASS", .authorization(let user)): pass(user: user, password: line.dropFirst(5))
        case ("APOP", .authorization): apop(arguments)
        case ("AUTH", .authorization): auth(arguments)
        case ("STAT", .transaction(let maildrop, _)): stat(maildrop)
        case ("LIST", .transaction(let maildrop, _)): list(maildrop, arguments)
        case ("UIDL", .transaction(let maildrop, _)): uidl(maildrop, arguments)
        case ("RETR", .transaction(let maildrop, _)): retr(maildrop, arguments)
        case ("TOP", .transaction(let maildrop, _)): top(maildrop, arguments)
        case ("DELE", .transaction(var maildrop, let mailboxes)):
            switch maildrop.entry(arguments.first) {
            case .failure(let error): reply(false, error.text)
            case .success(let found):
                maildrop.delete(found.number)
                state = .transaction(maildrop, mailboxes)
                reply(true, "message \(found.number) deleted")
            }
        case ("RSET", .transaction(var maildrop, let mailboxes)):
            maildrop.undeleteAll()
            state = .transaction(maildrop, mailboxes)
            reply(true, "maildrop has \(maildrop.live.count) messages")
        case ("USER", _), ("PASS", _), ("APOP", _), ("AUTH", _):
            reply(false, "already authenticated")
        case ("STAT", _), ("LIST", _), ("UIDL", _), ("RETR", _), ("TOP", _), ("DELE", _), ("RSET", _), ("NOOP", _):
            reply(false, "log in first")
        default:
            reply(false, "unknown command")
        }
    }

    // MARK: AUTHORIZATION

    private var plaintextLoginAllowed: Bool {
        transport.isTLS || !server.configuration.requireTLSForLogin
    }

    /// RFC 2449 §6: the capabilities depend on the state and on TLS (RFC 2595 §4).
    private func capa() {
        var lines = ["TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION MailGauge-Reference"]
        if case .transaction = state {} else {
            if plaintextLoginAllowed { lines += ["USER", "SASL PLAIN"] }
            if !transport.isTLS || faults.contains(.startTLSAdvertisedAfterTLS) { lines.append("STLS") }
        }
        transport.send(writer.multiline("capability list follows", lines: lines))
    }

    private func startTLS() {
        let inTransaction: Bool
        if case .transaction = state { inTransaction = true } else { inTransaction = false }
        if transport.isTLS { return reply(false, "TLS is already active") }
        if inTransaction && !faults.contains(.startTLSAllowedAfterAuth) {
            return reply(false, "STLS is only valid before login")
        }
        reply(true, "begin TLS negotiation")
        transport.startTLS()
    }

    private func user(_ arguments: [String]) {
        guard plaintextLoginAllowed else { return reply(false, "[AUTH] plaintext login needs TLS: use STLS first") }
        guard arguments.count == 1, !arguments[0].isEmpty else { return reply(false, "USER needs a name") }
        state = .authorization(user: arguments[0])
        reply(true, "send PASS")
    }

    private func pass(user: String?, password: Substring) {
        guard let user else { return reply(false, "USER first") }
        state = .authorization(user: nil)
        logIn(user: user, mailboxes: server.store.authenticate(user: user, password: String(password)))
    }

    private func apop(_ arguments: [String]) {
        guard arguments.count == 2 else { return reply(false, "APOP needs a name and a digest") }
        guard plaintextLoginAllowed else { return reply(false, "[AUTH] login needs TLS: use STLS first") }
        let user = arguments[0]
        let accepted = server.store.password(of: user).map { challenge.accepts(digest: arguments[1], password: $0) } ?? false
        logIn(user: user, mailboxes: accepted ? server.store.mailboxes(of: user) : nil)
    }

    /// RFC 5034 §4: AUTH PLAIN with an initial response, or with a `+ ` continuation for it.
    private func auth(_ arguments: [String]) {
        guard let mechanism = arguments.first?.uppercased() else { return reply(false, "AUTH needs a mechanism") }
        guard mechanism == "PLAIN" else { return reply(false, "unsupported mechanism") }
        guard plaintextLoginAllowed else { return reply(false, "[AUTH] plaintext authentication needs TLS: use STLS first") }
        guard arguments.count > 1 else {
            state = .awaitingSASLResponse
            return transport.send(Array("+ ".utf8) + (faults.contains(.bareLineFeeds) ? [10] : [13, 10]))
        }
        authenticatePlain(arguments[1] == "=" ? "" : arguments[1])
    }

    private func authenticatePlain(_ response: String) {
        guard let plain = SASLPlain(base64: response) else { return reply(false, "malformed PLAIN response") }
        guard plain.actsAsSelf else { return reply(false, "[AUTH] proxy authorization is not supported") }
        logIn(user: plain.user, mailboxes: server.store.authenticate(user: plain.user, password: plain.password))
    }

    private func logIn(user: String, mailboxes: UserMailboxes?) {
        guard let mailboxes, let inbox = mailboxes.mailbox(named: "INBOX") else {
            return reply(false, "[AUTH] invalid user name or password")
        }
        let maildrop = POP3Maildrop(inbox: inbox)
        state = .transaction(maildrop, mailboxes)
        reply(true, "\(user) has \(maildrop.live.count) messages")
    }

    // MARK: TRANSACTION

    /// The size LIST and STAT report: the octets RETR sends, before stuffing (RFC 1939 §5).
    private func listedSize(_ entry: POP3Maildrop.Entry) -> Int {
        entry.content.size + (faults.contains(.listSizeMismatch) ? 7 : 0)
    }

    private func stat(_ maildrop: POP3Maildrop) {
        let live = maildrop.live
        let total = live.reduce(0) { $0 + listedSize($1.entry) } + (faults.contains(.statListMismatch) ? 1 : 0)
        reply(true, faults.contains(.malformedStat) ? "\(live.count) messages" : "\(live.count) \(total)")
    }

    private func list(_ maildrop: POP3Maildrop, _ arguments: [String]) {
        guard arguments.isEmpty else {
            return withEntry(maildrop, arguments.first) { reply(true, "\($0) \(listedSize($1))") }
        }
        let live = maildrop.live
        transport.send(writer.multiline("\(live.count) messages", lines: live.map { "\($0.number) \(listedSize($0.entry))" }))
    }

    private func uidl(_ maildrop: POP3Maildrop, _ arguments: [String]) {
        func uniqueID(_ number: Int, _ entry: POP3Maildrop.Entry) -> String {
            if faults.contains(.duplicateUIDL) && number == 2 { return maildrop.uniqueID(of: maildrop.entries[0]) }
            return maildrop.uniqueID(of: entry)
        }
        guard arguments.isEmpty else {
            return withEntry(maildrop, arguments.first) { reply(true, "\($0) \(uniqueID($0, $1))") }
        }
        transport.send(writer.multiline("unique-id listing follows", lines: maildrop.live.map { "\($0.number) \(uniqueID($0.number, $0.entry))" }))
    }

    private func retr(_ maildrop: POP3Maildrop, _ arguments: [String]) {
        guard arguments.count == 1 else { return reply(false, "RETR needs a message number") }
        withEntry(maildrop, arguments[0]) { _, entry in
            transport.send(writer.multiline("\(entry.content.size) octets", content: entry.content.bytes))
        }
    }

    /// RFC 1939 §7: the header, the blank line, then the first `n` lines of the body.
    private func top(_ maildrop: POP3Maildrop, _ arguments: [String]) {
        guard arguments.count == 2, let lineCount = Int(arguments[1]), lineCount >= 0 else {
            return reply(false, "TOP needs a message number and a line count")
        }
        withEntry(maildrop, arguments[0]) { _, entry in
            let bytes = entry.content.bytes, root = entry.content.root
            var end = root.bodyRange.lowerBound
            for _ in 0..<lineCount where end < bytes.count {
                end = (bytes[end...].firstIndex(of: 10).map { $0 + 1 }) ?? bytes.count
            }
            transport.send(writer.multiline("top of message follows", content: bytes[0..<end]))
        }
    }

    private func withEntry(_ maildrop: POP3Maildrop, _ argument: String?, _ body: (Int, POP3Maildrop.Entry) -> Void) {
        switch maildrop.entry(argument) {
        case .failure(let error): reply(false, error.text)
        case .success(let found): body(found.number, found.entry)
        }
    }

    /// RFC 1939 §6: QUIT in TRANSACTION enters UPDATE and removes what DELE marked.
    private func quit() {
        if case .transaction(let maildrop, let mailboxes) = state {
            mailboxes.remove(uids: maildrop.deletedUIDs, from: "INBOX")
        }
        state = .done
        reply(true, "MailGauge reference server signing off")
        transport.close()
    }

    private func reply(_ ok: Bool, _ text: String) {
        transport.send(writer.status(ok, text))
    }
}
