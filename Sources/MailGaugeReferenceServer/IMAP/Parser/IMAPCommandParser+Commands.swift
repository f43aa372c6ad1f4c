/// The command rules of RFC 9051 §9 (`command-any`, `command-auth`, `command-nonauth`,
/// `command-select`) and of the extensions advertised in CAPABILITY.
extension IMAPCommandParser {
    /// `command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF`;
    /// the tag is returned even when the rest is malformed, so BAD can name it.
    mutating func command() -> (tag: String?, result: Result<IMAPCommand, IMAPSyntaxError>) {
        guard let tag = try? tag() else { return (nil, .failure(IMAPSyntaxError("missing tag"))) }
        do {
            try space()
            let command = try commandBody()
            try expectEnd()
            return (tag, .success(command))
        } catch let error as IMAPSyntaxError {
            return (tag, .failure(error))
        } catch {
            return (tag, .failure(IMAPSyntaxError("\(error)")))
        }
    }

    private mutating func commandBody() throws -> IMAPCommand {
        let name = try atom().uppercased()
        switch name {
        case "CAPABILITY": return .capability
        case "NOOP": return .noop
        case "LOGOUT": return .logout
        case "STARTTLS": return .startTLS
        case "NAMESPACE": return .namespace
        case "IDLE": return .idle
        case "CLOSE": return .close
        case "UNSELECT": return .unselect
        case "CHECK": return .check
        case "EXPUNGE": return .expunge(uids: nil)
        case "ID":
            try space()
            if !takeKeyword("NIL") { _ = try parenthesized(allowEmpty: true) { parser -> [UInt8] in try parser.nstringValue() } }
            return .id
        case "LOGIN":
            try space()
            let user = try astring()
            try space()
            return .login(user: user, password: try astring())
        case "AUTHENTICATE":
            try space()
            let mechanism = try atom().uppercased()
            guard take(" ") else { return .authenticate(mechanism: mechanism, initialResponse: nil) }
            if take("=") { return .authenticate(mechanism: mechanism, initialResponse: "") }
            return .authenticate(mechanism: mechanism, initialResponse: try atom())
        case "ENABLE":
            var capabilities: [String] = []
            while take(" ") { capabilities.append(try atom().uppercased()) }
            guard !capabilities.isEmpty else { throw IMAPSyntaxError("ENABLE needs a capability") }
            return .enable(capabilities)
        case "SELECT", "EXAMINE":
            try space()
            let mailbox = try mailbox()
            var condStore = false
            if take(" ") {
                let parameters = try parenthesized { parser -> String in
                    let name = try parser.atom().uppercased()
                    if parser.peek() == UInt8(ascii: " ") && name == "QRESYNC" { throw IMAPSyntaxError("QRESYNC is not supported") }
                    return name
                }
                condStore = parameters.contains("CONDSTORE")
            }
            return .select(mailbox: mailbox, readOnly: name == "EXAMINE", condStore: condStore)
        case "CREATE", "DELETE", "SUBSCRIBE", "UNSUBSCRIBE":
            try space()
            let mailbox = try mailbox()
            switch name {
            case "CREATE": return .create(mailbox, specialUse: take(" ") ? try createUse() : [])
            case "DELETE": return .delete(mailbox)
            case "SUBSCRIBE": return .subscribe(mailbox)
            default: return .unsubscribe(mailbox)
            }
        case "RENAME":
            try space()
            let from = try mailbox()
            try space()
            return .rename(from, to: try mailbox())
        case "LIST": return .list(try listArguments())
        case "LSUB":
            try space()
            let reference = try astring()
            try space()
            return .lsub(reference: reference, pattern: try listMailbox())
        case "STATUS":
            try space()
            let mailbox = try mailbox()
            try space()
            return .status(mailbox: mailbox, items: try parenthesized { try $0.atom().uppercased() })
        case "APPEND": return try appendArguments()
        case "SEARCH": return try searchArguments(uid: false)
        case "FETCH": return try fetchArguments(uid: false)
        case "STORE": return try storeArguments(uid: false)
        case "COPY", "MOVE": return try transferArguments(name, uid: false)
        case "UID":
            try space()
            let sub = try atom().uppercased()
            switch sub {
            case "SEARCH": return try searchArguments(uid: true)
            case "FETCH": return try fetchArguments(uid: true)
            case "STORE": return try storeArguments(uid: true)
            case "COPY", "MOVE": return try transferArguments(sub, uid: true)
            case "EXPUNGE":
                try space()
                return .expunge(uids: try sequenceSet())
            default: throw IMAPSyntaxError("unknown UID command \(sub)")
            }
        default:
            throw IMAPSyntaxError("unknown command \(name)")
        }
    }

    /// `nstring = string / nil`
    mutating func nstringValue() throws -> [UInt8] {
        if takeKeyword("NIL") { return [] }
        return try string()
    }

    /// `list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]` (RFC 5258 §6).
    private mutating func listArguments() throws -> IMAPListCommand {
        try space()
        var selection: [String] = []
        if peek() == UInt8(ascii: "(") {
            selection = try parenthesized(allowEmpty: true) { try $0.atom().uppercased() }
            try space()
        }
        let reference = try astring()
        try space()
        let patterns = peek() == UInt8(ascii: "(") ? try parenthesized { try $0.listMailbox() } : [try listMailbox()]
        var command = IMAPListCommand(selectionOptions: selection, reference: reference, patterns: patterns)
        if take(" ") {
            guard takeKeyword("RETURN") else { throw IMAPSyntaxError("expected RETURN") }
            try space()
            command.returnOptions = try parenthesized(allowEmpty: true) { parser -> String in
                let option = try parser.atom().uppercased()
                if option == "STATUS" {
                    try parser.space()
                    command.statusItems = try parser.parenthesized { try $0.atom().uppercased() }
                }
                return option
            }
        }
        return command
    }

    /// `append = "APPEND" SP mailbox [SP flag-list] [SP date-time] SP literal`
    private mutating func appendArguments() throws -> IMAPCommand {
        try space()
        let mailbox = try mailbox()
        try space()
        var flags: [String] = []
        if peek() == UInt8(ascii: "(") {
            flags = try flagList()
            try space()
        }
        var date: Int64?
        if peek() == UInt8(ascii: "\"") {
            let text = String(decoding: try quoted(), as: UTF8.self)
            guard let seconds = CivilDate.seconds(imapDateTime: text) else { throw IMAPSyntaxError("invalid date-time") }
            date = seconds
            try space()
        }
        guard peek() == UInt8(ascii: "{") else { throw IMAPSyntaxError("APPEND needs the message as a literal") }
        return .append(mailbox: mailbox, flags: flags, internalDate: date, message: try literal())
    }

    /// `store = "STORE" SP sequence-set [SP store-modifiers] SP store-att-flags` (RFC 7162 §3.1.3).
    private mutating func storeArguments(uid: Bool) throws -> IMAPCommand {
        try space()
        let set = try sequenceSet()
        try space()
        var unchangedSince: UInt64?
        if peek() == UInt8(ascii: "(") {
            try expect("(")
            guard takeKeyword("UNCHANGEDSINCE") else { throw IMAPSyntaxError("unknown STORE modifier") }
            try space()
            unchangedSince = try number64()
            try expect(")")
            try space()
        }
        let operation: StoreOperation = take("+") ? .add : (take("-") ? .remove : .replace)
        let silent = takeKeyword("FLAGS.SILENT")
        guard silent || takeKeyword("FLAGS") else { throw IMAPSyntaxError("expected FLAGS") }
        try space()
        let flags: [String]
        if peek() == UInt8(ascii: "(") {
            flags = try flagList()
        } else {
            var list = [try flag()]
            while take(" ") { list.append(try flag()) }
            flags = list
        }
        return .store(uid: uid, set: set, operation: operation, silent: silent, flags: flags, unchangedSince: unchangedSince)
    }

    private mutating func transferArguments(_ name: String, uid: Bool) throws -> IMAPCommand {
        try space()
        let set = try sequenceSet()
        try space()
        let mailbox = try mailbox()
        return name == "MOVE" ? .move(uid: uid, set: set, mailbox: mailbox) : .copy(uid: uid, set: set, mailbox: mailbox)
    }
}
