import MailGaugeWire

/// Reads the scenario language (see `Scenarios/README.md`) into a `Scenario`.
///
/// The parser does no I/O of its own: includes are read through `readFile`, so tests can
/// hand it files from memory and the CLI hands it the file system.
public struct ScenarioParser: Sendable {
    /// Returns the text of the file at a path, or throws a message saying why it cannot.
    public typealias FileReader = @Sendable (_ path: String) throws -> String

    /// Variables every run defines from the account and the connection; `tag` is the IMAP
    /// tag of the latest command, `run` a token of the replay's own, `box` a mailbox name of
    /// the replay's own under the personal namespace.
    public static let builtinVariables: Set<String> = ["user", "password", "apop_digest", "tag", "run", "box"]

    /// `@seeded NAME` defines, for the run's seeded copy of `fixtures/NAME.eml` in the POP3
    /// maildrop: `seed_NAME` its message number, `seed_NAME_size` its LIST size and
    /// `seed_NAME_uidl` its unique-id (only where the server has UIDL); `seed_run` is the token
    /// the fixtures' `${run}` was replaced with, so a case can expect their Message-IDs.
    public static func seedVariables(of name: String) -> [String] {
        ["seed_\(name)", "seed_\(name)_size", "seed_\(name)_uidl"]
    }

    public static let seedRunVariable = "seed_run"

    /// Bounds on what a scenario may be, so a wrong or hostile file is a one-line error, not
    /// minutes and gigabytes: the bytes of each file read (scenario, fragment or literal), the
    /// lines of a scenario with its includes, and how deep includes nest.
    public struct Limits: Sendable {
        public var fileBytes = 1 << 20
        public var totalLines = 100_000
        public var includeDepth = 16

        public init() {}
    }

    private let readFile: FileReader
    private let limits: Limits

    public init(limits: Limits = Limits(), readFile: @escaping FileReader) {
        self.readFile = readFile
        self.limits = limits
    }

    /// Parses the scenario at `path` with its includes, and checks it is complete and consistent.
    public func parse(path: String) throws(ScenarioError) -> Scenario {
        var state = State(file: path)
        try include(path, from: nil, into: &state, stack: [])
        return try state.finish()
    }

    private func include(_ path: String, from site: SourceLocation?, into state: inout State, stack: [String]) throws(ScenarioError) {
        let location = site ?? SourceLocation(file: path, line: 1)
        guard !stack.contains(path) else {
            throw ScenarioError("include cycle: \((stack + [path]).joined(separator: " -> "))", at: location)
        }
        guard stack.count <= limits.includeDepth else {
            throw ScenarioError("includes nest deeper than \(limits.includeDepth) files", at: location)
        }
        let text = try read(path, at: location, what: site == nil ? "cannot read scenario" : "cannot include '\(path)'")
        let lines = Self.lines(of: text, in: path)
        state.lineCount += lines.count
        guard state.lineCount <= limits.totalLines else {
            throw ScenarioError("the scenario has more than \(limits.totalLines) lines with its includes", at: location)
        }
        for (line, here) in lines {
            switch try state.consume(line, at: here, isFragment: !stack.isEmpty) {
            case .include(let target)?:
                try include(Self.resolve(target, relativeTo: path), from: here, into: &state, stack: stack + [path])
            case .literalFile(let target)?:
                let file = Self.resolve(target, relativeTo: path)
                let content = try read(file, at: here, what: "cannot read the literal '\(target)'")
                // The newline that ends a file's last line starts no line of its own.
                for (line, at) in Self.lines(of: content, in: file).dropLast(content.hasSuffix("\n") ? 1 : 0) {
                    try state.commandLiteralLine(line, at: at)
                }
            case nil:
                break
            }
        }
    }

    private func read(_ path: String, at location: SourceLocation, what: String) throws(ScenarioError) -> String {
        let text: String
        do {
            text = try readFile(path)
        } catch {
            throw ScenarioError("\(what): \(error)", at: location)
        }
        guard text.utf8.count <= limits.fileBytes else {
            throw ScenarioError("\(what): \(path) is \(text.utf8.count) bytes, over the limit of \(limits.fileBytes)", at: location)
        }
        return text
    }

    /// The lines of `text`, each with its place; CRLF and LF both end a line.
    private static func lines(of text: String, in path: String) -> [(Substring, SourceLocation)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated().map { index, raw in
            (raw.last == "\r" ? raw.dropLast() : raw, SourceLocation(file: path, line: index + 1))
        }
    }

    /// Include paths are relative to the including file's folder, as in C and most test tools.
    static func resolve(_ target: String, relativeTo file: String) -> String {
        guard !target.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return target }
        return String(file[...slash]) + target
    }
}

extension ScenarioParser {
    /// What the parser has seen so far, line by line across includes.
    struct State {
        let file: String
        var mailProtocol: MailProtocol?
        var title: String?
        /// Lines read so far, the scenario's and its includes'.
        var lineCount = 0
        var references: [String] = []
        var requirements: [String] = []
        var seeds: [String] = []
        var steps: [ScenarioStep] = []
        var pending: Exchange?
        /// `@needs` or `@should`: what binds the next exchange, and where it was said.
        var obligation: (Exchange.Obligation, directive: String, location: SourceLocation)?
        var defined = ScenarioParser.builtinVariables
        var openConnections: Set<String> = []
        var firstStepLocation: SourceLocation?
        /// Where `@finally` was written, and the index in `steps` where the cleanup starts.
        var finally: (location: SourceLocation, cleanupStart: Int)?
        /// The file that said `@tags written`: its IMAP command lines start with their tag, as
        /// RFC transcripts write them. Its includes keep automatic tags (a shared login fragment).
        var writtenTagsFile: String?
        /// The connection commands go to now, and those whose last reply asked for continuation
        /// data (`S: + …`): their next `C:` line is that data, sent without a tag.
        var currentConnection = "main"
        var awaitingContinuation: Set<String> = []
        /// After `@pipelined`, up to the next `S:` line: commands without `S:` lines are sent
        /// without waiting, their replies read with the next command's.
        var pipelining = false
        /// Each file's margin: the spaces between a line's colon and its text.
        var margins: [String: Int] = [:]

        init(file: String) { self.file = file }

        /// A file a line names, for the caller to read: a fragment to include, or a command literal's content.
        enum FileReference {
            case include(String)
            case literalFile(String)
        }

        /// Handles one line; returns a file for the caller to read.
        mutating func consume(_ line: Substring, at location: SourceLocation, isFragment: Bool) throws(ScenarioError) -> FileReference? {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
            if trimmed.hasPrefix("@") {
                try requireReplyLiteralClosed(at: location)
                return try directive(trimmed.dropFirst(), at: location, isFragment: isFragment)
            }
            guard let (prefix, text) = split(line, in: location.file) else {
                throw ScenarioError("expected 'C:', 'S:', an @directive or a # comment, found '\(line.prefix(40))'", at: location)
            }
            try ensureConnection(at: location)
            if replyLiteralOpenedAt != nil, prefix == "L:", pending?.expected.last?.literal.isEmpty == true {
                replyLiteralOpenedAt = nil // L: lines give the content instead
            }
            if prefix != "S:" { try requireReplyLiteralClosed(at: location) }
            switch prefix {
            case "C:": try command(text, at: location)
            case "C+:": try commandContinuation(text, at: location)
            case "L:": try literalLine(text, at: location)
            case "S:": try expect(text, presence: .required, at: location)
            case "S?:": try expect(text, presence: .optional, at: location)
            default: try expect(text, presence: .forbidden, at: location)
            }
            return nil
        }

        private static let linePrefixes = ["C+:", "C:", "L:", "S?:", "S!:", "S:"]

        /// The line's prefix and its text after the file's margin (trailing spaces matter). The
        /// margin is the spaces after the colon of the file's first such line, at least one:
        /// RFC 1939 indents its transcript by four (`S:    +OK 2 320`), RFC 3501 by three, and
        /// a content line may start with spaces of its own beyond the margin (a folded header).
        private mutating func split(_ line: Substring, in file: String) -> (String, Substring)? {
            guard let prefix = Self.linePrefixes.first(where: { line.hasPrefix($0) }) else { return nil }
            let rest = line.dropFirst(prefix.count)
            let spaces = rest.prefix { $0 == " " }.count
            let margin = margins[file] ?? {
                margins[file] = max(1, spaces)
                return max(1, spaces)
            }()
            return (prefix, rest.dropFirst(min(spaces, margin)))
        }

        private mutating func command(_ text: Substring, at location: SourceLocation) throws(ScenarioError) {
            try flush()
            var text = text
            var tag: String?
            if mailProtocol == .imap, text.hasPrefix("["), let close = text.firstIndex(of: "]") {
                tag = String(text[text.index(after: text.startIndex)..<close])
                guard let tag, !tag.isEmpty, !tag.contains(" ") else { throw ScenarioError("an explicit tag is written '[tag]' with no spaces", at: location) }
                text = text[text.index(after: close)...].drop { $0 == " " }
            } else if mailProtocol == .imap, writtenTagsFile == location.file, !continuesACommand {
                let word = text.prefix { $0 != " " }
                guard Self.isTag(word), word.count < text.count else {
                    throw ScenarioError("with @tags written, a command line starts with its tag: 'a001 \(text.prefix(20))'", at: location)
                }
                tag = String(word)
                text = text.dropFirst(word.count + 1)
            }
            let marker = mailProtocol == .imap ? LiteralMarker(endOf: text) : nil
            let template = try Template(marker?.prefix ?? text, at: location)
            try checkDefined(template.segments, at: location)
            var command = Command(tag: tag, text: template, literals: [], location: location)
            if let marker { command.literals.append(Self.literal(marker, at: location)) }
            pending = Exchange(command: command, expected: [], location: location)
            pending!.obligation = obligation.take()?.0 ?? .must
        }

        /// Whether the command before on this connection asked for continuation data (`S: + …`
        /// last in its reply): then this `C:` line is that data (`DONE`, a SASL response).
        private var continuesACommand: Bool { awaitingContinuation.contains(currentConnection) }

        /// tag = 1*<any ASTRING-CHAR except "+"> (RFC 9051 §9): atom characters and "]".
        private static func isTag(_ word: Substring) -> Bool {
            !word.isEmpty && word.utf8.allSatisfy { byte in
                byte > 0x20 && byte < 0x7F && !"(){%*\"\\+".utf8.contains(byte)
            }
        }

        private static func literal(_ marker: LiteralMarker, at location: SourceLocation) -> Command.Literal {
            var literal = Command.Literal(lines: [], nonSynchronizing: marker.nonSynchronizing, declaredSize: marker.declaredSize,
                                          then: .empty(at: location))
            literal.sizeIsDeliberate = marker.sizeIsDeliberate
            return literal
        }

        /// True while `L:` and `C+:` lines still belong to the pending command's literal.
        private var collectingCommandLiteral: Bool {
            guard let pending, pending.expected.isEmpty, let command = pending.command else { return false }
            return !command.literals.isEmpty
        }

        private mutating func commandContinuation(_ text: Substring, at location: SourceLocation) throws(ScenarioError) {
            guard collectingCommandLiteral else {
                throw ScenarioError("'C+:' continues a command after its literal; it must follow the 'L:' lines of a 'C:' line ending in '{*}'", at: location)
            }
            let marker = LiteralMarker(endOf: text)
            let template = try Template(marker?.prefix ?? text, at: location)
            try checkDefined(template.segments, at: location)
            pending!.command!.literals[pending!.command!.literals.count - 1].then = template
            if let marker { pending!.command!.literals.append(Self.literal(marker, at: location)) }
        }

        /// An `L:` line, or a line of the file `@literal` names: content of the pending command's literal.
        mutating func commandLiteralLine(_ text: Substring, at location: SourceLocation) throws(ScenarioError) {
            let template = try Template(text, at: location)
            try checkDefined(template.segments, at: location)
            pending!.command!.literals[pending!.command!.literals.count - 1].lines.append(template)
        }

        private mutating func literalLine(_ text: Substring, at location: SourceLocation) throws(ScenarioError) {
            guard mailProtocol == .imap else {
                throw ScenarioError("'L:' lines (literal content) are for IMAP scenarios", at: location)
            }
            if collectingCommandLiteral { return try commandLiteralLine(text, at: location) }
            guard pending?.expected.isEmpty == false else {
                throw ScenarioError("'L:' lines must follow a 'C:' line ending in a literal ({*}) or an 'S:' line whose literal they describe", at: location)
            }
            pending!.expected[pending!.expected.count - 1].literal.append(try expectedLine(text, at: location))
        }

        /// With `@tags written`, where the last `S:` line announced a literal whose content
        /// follows in `S:` lines, as RFC transcripts print it (RFC 3501 §8 `a004`).
        private var replyLiteralOpenedAt: SourceLocation?

        /// An `S:` line of a literal's content printed as RFC transcripts print it, up to the
        /// `S: )` line that stands for the text after the literal (not compared, as after `L:` lines).
        private mutating func replyLiteralLine(_ text: Substring, at location: SourceLocation) throws(ScenarioError) {
            if text.hasPrefix(")") {
                replyLiteralOpenedAt = nil
            } else {
                pending!.expected[pending!.expected.count - 1].literal.append(try expectedLine(text, at: location))
            }
        }

        private func requireReplyLiteralClosed(at location: SourceLocation) throws(ScenarioError) {
            guard let opened = replyLiteralOpenedAt else { return }
            throw ScenarioError("the content of the literal announced at line \(opened.line) is written in 'S:' lines, which end with an 'S: )' line (the text after the literal)", at: location)
        }

        private mutating func expect(_ text: Substring, presence: ExpectedLine.Presence, at location: SourceLocation) throws(ScenarioError) {
            if replyLiteralOpenedAt != nil { return try replyLiteralLine(text, at: location) }
            pipelining = false
            // POP3: a content line that may appear (S?:), or that no content line may match (S!:).
            if presence != .required && mailProtocol != .imap && pending?.expected.isEmpty != false {
                throw ScenarioError("'S?:' and 'S!:' in a POP3 reply are content lines: they come after its status line", at: location)
            }
            if pending == nil {
                let afterConnect: Bool = if case .connect? = steps.last { true } else { false }
                guard afterConnect || mailProtocol == .imap else {
                    throw ScenarioError("'S:' line without a 'C:' line before it; only a greeting may come before any command", at: location)
                }
                pending = Exchange(command: nil, expected: [], location: location)
                pending!.obligation = obligation.take()?.0 ?? .must
            }
            var line = try expectedLine(text, at: location)
            if case .anyLines = line.match, pending!.expected.isEmpty {
                throw ScenarioError("'{...}' stands for content lines; the status line must come first", at: location)
            }
            line.presence = presence
            pending!.expected.append(line)
            if mailProtocol == .imap, writtenTagsFile == location.file, line.pattern?.endsInLiteralAnnouncement == true {
                replyLiteralOpenedAt = location
            }
        }

        private mutating func expectedLine(_ text: Substring, at location: SourceLocation) throws(ScenarioError) -> ExpectedLine {
            if text == "{...}" { return ExpectedLine(.anyLines(octetsInto: nil), at: location) }
            if text.hasPrefix("{...:"), text.hasSuffix("}") {
                let name = text.dropFirst(5).dropLast()
                guard VariableName.isValid(name) else { throw ScenarioError("'\(name)' in '\(text)' is not a variable name", at: location) }
                defined.insert(String(name))
                return ExpectedLine(.anyLines(octetsInto: String(name)), at: location)
            }
            let pattern = try LinePattern(text, at: location)
            try checkDefined(pattern.segments, at: location)
            defined.formUnion(pattern.captures)
            return ExpectedLine(.pattern(pattern), at: location)
        }

        private func checkDefined(_ segments: [Segment], at location: SourceLocation) throws(ScenarioError) {
            try checkDefined(segments.flatMap(\.names), at: location)
        }

        private func checkDefined(_ names: [String], at location: SourceLocation) throws(ScenarioError) {
            for name in names where !defined.contains(name) {
                throw ScenarioError("'${\(name)}' is not defined here: use an account variable (\(ScenarioParser.builtinVariables.sorted().joined(separator: ", "))), a @set name, or capture it earlier with {\(name):kind}", at: location)
            }
        }

        /// A scenario that starts with an exchange talks on an implicit connection named `main`.
        private mutating func ensureConnection(at location: SourceLocation) throws(ScenarioError) {
            guard mailProtocol != nil else {
                throw ScenarioError("'@protocol pop3' or '@protocol imap' must come before the first exchange", at: location)
            }
            if firstStepLocation == nil { firstStepLocation = location }
            if openConnections.isEmpty { open("main", at: location) }
        }

        private mutating func open(_ name: String, as account: AccountReference? = nil, at location: SourceLocation) {
            openConnections.insert(name)
            currentConnection = name
            awaitingContinuation.remove(name)
            steps.append(.connect(name: name, account: account, location: location))
        }

        /// `@connect`, `@connect name` or `@connect name as ACCOUNT`.
        private static func connectArguments(_ argument: String, at location: SourceLocation) throws(ScenarioError) -> (String, AccountReference?) {
            let words = argument.split(separator: " ", omittingEmptySubsequences: true)
            let name = words.first.map(String.init) ?? "main"
            guard VariableName.isValid(Substring(name)) else {
                throw ScenarioError("'\(name)' is not a connection name", at: location)
            }
            switch words.count {
            case 0, 1:
                return (name, nil)
            case 3 where words[1] == "as":
                guard let account = AccountReference(words[2]) else {
                    throw ScenarioError("'\(words[2])' names no account: write a position in the users file (as 2), an offset from the session's own (as +1) or a user name (as alice)", at: location)
                }
                return (name, account)
            default:
                throw ScenarioError("'@connect \(argument)': write '@connect name' or '@connect name as ACCOUNT'", at: location)
            }
        }

        private mutating func flush() throws(ScenarioError) {
            guard let exchange = pending else { return }
            pending = nil
            if mailProtocol == .pop3 { try Self.checkPOP3Reply(exchange) }
            if let command = exchange.command {
                try Self.checkLiterals(of: command)
                if exchange.expected.isEmpty && !pipelining {
                    throw ScenarioError("'\(command.verb)' has no expected reply: write its 'S:' lines, or put @pipelined before commands sent without waiting", at: command.location)
                }
            }
            if exchange.expected.last?.source.hasPrefix("+") == true {
                awaitingContinuation.insert(currentConnection)
            } else if exchange.command != nil {
                awaitingContinuation.remove(currentConnection)
            }
            steps.append(.exchange(exchange))
        }

        /// A literal is sent with the size of its content: `{*}` needs content to count (`L:` lines
        /// or `@literal`), and a size written out must be the content's, each line with its CRLF,
        /// unless `{n!}` says it is wrong on purpose. Content with variables is counted when sent.
        private static func checkLiterals(of command: Command) throws(ScenarioError) {
            for literal in command.literals {
                if literal.declaredSize == nil, literal.lines.isEmpty {
                    throw ScenarioError("the literal '{*}' has no content: write its 'L:' lines or @literal FILE (an empty literal is written '{0}')", at: command.location)
                }
                guard let declared = literal.declaredSize, !literal.sizeIsDeliberate else { continue }
                // Rendered without values: a line with a variable has no text yet.
                let texts = literal.lines.compactMap { try? $0.render(Bindings()) }
                guard texts.count == literal.lines.count else { continue }
                let octets = texts.reduce(0) { $0 + $1.utf8.count + 2 }
                if octets != declared {
                    throw ScenarioError("the literal is announced as {\(declared)} but its content is \(octets) octets (each line with its CRLF): write {*} to have it counted, or {\(declared)!} to send the wrong size on purpose", at: command.location)
                }
            }
        }

        /// A POP3 reply is one status line, optionally followed by content and the `.` terminator.
        private static func checkPOP3Reply(_ exchange: Exchange) throws(ScenarioError) {
            guard exchange.expected.count > 1 else { return }
            guard let last = exchange.expected.last!.pattern, last.isLiteral("."), exchange.expected.last!.presence == .required else {
                throw ScenarioError("a multi-line reply must end with the terminator line 'S: .'", at: exchange.expected.last!.location)
            }
        }

        private mutating func directive(_ text: Substring, at location: SourceLocation, isFragment: Bool) throws(ScenarioError) -> FileReference? {
            let name = text.prefix { $0 != " " && $0 != "\t" }
            let argument = String(text.dropFirst(name.count).drop { $0 == " " || $0 == "\t" })
            func requireArgument(_ what: String) throws(ScenarioError) {
                if argument.isEmpty { throw ScenarioError("@\(name) needs \(what)", at: location) }
            }
            func headerOnly() throws(ScenarioError) {
                if isFragment { throw ScenarioError("@\(name) belongs in a scenario's header, not in an included fragment", at: location) }
                if firstStepLocation != nil { throw ScenarioError("@\(name) must come before the first exchange", at: location) }
            }
            switch name {
            case "protocol":
                try headerOnly()
                guard mailProtocol == nil else { throw ScenarioError("@protocol is given twice", at: location) }
                guard let value = MailProtocol(rawValue: argument.lowercased()) else {
                    throw ScenarioError("unknown protocol '\(argument)': use pop3 or imap", at: location)
                }
                mailProtocol = value
            case "title":
                try headerOnly()
                try requireArgument("a title")
                title = argument
            case "tags":
                try headerOnly()
                guard mailProtocol == .imap else { throw ScenarioError("@tags is for IMAP scenarios, after '@protocol imap'", at: location) }
                guard argument == "written" else {
                    throw ScenarioError("@tags takes 'written': each command line starts with its tag, as in 'C: a001 LOGIN'", at: location)
                }
                writtenTagsFile = location.file
            case "rfc":
                try headerOnly()
                try requireArgument("a citation, e.g. 'RFC 1939 §7'")
                references.append(argument)
            case "requires":
                try requireArgument("one or more capability names")
                requirements += argument.split(separator: " ").map { $0.uppercased() }.filter { !requirements.contains($0) }
            case "seeded":
                try requireArgument("the fixtures the case reads, e.g. '@seeded dots plain'")
                guard firstStepLocation == nil else { throw ScenarioError("@seeded must come before the first exchange", at: location) }
                for name in argument.split(separator: " ") where !seeds.contains(String(name)) {
                    guard VariableName.isValid(name) else { throw ScenarioError("'\(name)' is not a fixture name (letters, digits, _ and -)", at: location) }
                    seeds.append(String(name))
                    defined.formUnion(ScenarioParser.seedVariables(of: String(name)))
                }
                defined.insert(ScenarioParser.seedRunVariable)
            case "include":
                try requireArgument("a file path")
                // Only scenario text is read as scenario lines; any other file would be echoed
                // back, line by line, in the errors it causes.
                guard argument.hasSuffix(".inc") || argument.hasSuffix(".scn") else {
                    throw ScenarioError("@include takes a fragment (.inc) or a scenario (.scn), not '\(argument)'", at: location)
                }
                try flush()
                return .include(argument)
            case "literal":
                try requireArgument("a file path")
                guard collectingCommandLiteral else {
                    throw ScenarioError("@literal gives a command literal's content; it must follow a 'C:' line ending in '{*}'", at: location)
                }
                return .literalFile(argument)
            case "set":
                let parts = argument.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, VariableName.isValid(parts[0]) else {
                    throw ScenarioError("@set needs a variable name and a value: '@set name value'", at: location)
                }
                try flush()
                defined.insert(String(parts[0]))
                steps.append(.set(name: String(parts[0]), value: String(parts[1]), location: location))
            case "sleep":
                guard let seconds = Double(argument), seconds >= 0, seconds <= 86_400 else {
                    throw ScenarioError("@sleep needs a number of seconds between 0 and 86400, e.g. '@sleep 30'", at: location)
                }
                try flush()
                steps.append(.sleep(seconds: seconds, location: location))
            case "authenticate":
                try requireArgument("a SASL mechanism name, e.g. 'SCRAM-SHA-256'")
                try flush()
                steps.append(.authenticate(mechanism: argument.uppercased(), location: location))
            case "connect":
                guard mailProtocol != nil else { throw ScenarioError("@protocol must come before @connect", at: location) }
                let (connection, account) = try Self.connectArguments(argument, at: location)
                try flush()
                if firstStepLocation == nil { firstStepLocation = location }
                open(connection, as: account, at: location)
            case "finally":
                try startCleanup(with: argument, at: location)
            case "assert":
                try requireArgument("two values and how they compare, e.g. '@assert ${octets} = ${size}'")
                let assertion = try SegmentLexer.assertion(Substring(argument), at: location)
                try checkDefined(assertion.left.names + assertion.right.names, at: location)
                try flush()
                steps.append(.assertion(assertion))
            case "pipelined":
                guard argument.isEmpty else { throw ScenarioError("@pipelined takes no argument", at: location) }
                try flush()
                pipelining = true
            case "needs":
                try requireArgument("what the next exchange checks for, e.g. '@needs a message 3 in the maildrop'")
                try bind(.precondition(argument), by: String(name), at: location)
            case "should":
                try requireArgument("the RFC's SHOULD sentence the next exchange checks, quoted with its section")
                try bind(.should(argument), by: String(name), at: location)
            case "use":
                try requireArgument("a connection name")
                guard openConnections.contains(argument) else {
                    throw ScenarioError("no connection named '\(argument)' was opened with @connect", at: location)
                }
                try flush()
                currentConnection = argument
                steps.append(.use(name: argument, location: location))
            default:
                throw ScenarioError("unknown directive '@\(name)'; known: @protocol @title @tags @rfc @requires @needs @should @seeded @include @literal @set @assert @connect @use @authenticate @sleep @pipelined @finally", at: location)
            }
            return nil
        }

        /// `@needs` / `@should`: the next exchange is bound by `obligation` rather than a MUST.
        private mutating func bind(_ kind: Exchange.Obligation, by directive: String, at location: SourceLocation) throws(ScenarioError) {
            guard finally == nil else { throw ScenarioError("@\(directive) belongs before @finally: a cleanup's reply is never judged", at: location) }
            if let given = obligation { throw ScenarioError("@\(directive) after @\(given.directive) at \(given.location): one exchange has one obligation", at: location) }
            try flush()
            obligation = (kind, directive, location)
        }

        /// `@finally`: the steps from here on are the cleanup, run whether the steps before passed or not.
        private mutating func startCleanup(with argument: String, at location: SourceLocation) throws(ScenarioError) {
            guard argument.isEmpty else { throw ScenarioError("@finally takes no argument; the cleanup steps follow on the next lines", at: location) }
            if let first = finally { throw ScenarioError("@finally is given twice: the cleanup already starts at \(first.location)", at: location) }
            // Before any step there is no connection for the cleanup to run on: it would never run.
            guard firstStepLocation != nil else { throw ScenarioError("@finally must come after the steps it cleans up after", at: location) }
            try flush()
            // The greeting's `S:` lines would land in the cleanup, apart from the @connect that reads it.
            if case .connect? = steps.last { throw ScenarioError("@finally right after @connect would part the connection from its greeting; put it before the @connect", at: location) }
            finally = (location, steps.count)
        }

        mutating func finish() throws(ScenarioError) -> Scenario {
            if let opened = replyLiteralOpenedAt {
                throw ScenarioError("the content of the literal this line announces, written in 'S:' lines, has no 'S: )' line to end it", at: opened)
            }
            try flush()
            if let obligation { throw ScenarioError("@\(obligation.directive) must be followed by the exchange it binds", at: obligation.location) }
            let start = SourceLocation(file: file, line: 1)
            guard let mailProtocol else { throw ScenarioError("missing '@protocol pop3' or '@protocol imap'", at: start) }
            guard steps.contains(where: { if case .exchange = $0 { true } else { false } }) else {
                throw ScenarioError("the scenario has no 'C:' or 'S:' lines", at: start)
            }
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let cleanupStart = finally?.cleanupStart ?? steps.count
            return Scenario(file: file, mailProtocol: mailProtocol, title: title ?? name,
                            references: references, requirements: requirements, seeds: seeds,
                            steps: Array(steps[..<cleanupStart]), cleanup: Array(steps[cleanupStart...]))
        }
    }
}
