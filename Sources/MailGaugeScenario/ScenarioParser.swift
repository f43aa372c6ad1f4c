import MailGaugeWire

/// Reads the scenario language (see `Scenarios/README.md`) into a `Scenario`.
///
/// The parser does no I/O of its own: includes are read through `readFile`, so tests can
/// hand it files from memory and the CLI hands it the file system.
public struct ScenarioParser: Sendable {
    /// Returns the text of the file at a path, or throws a message saying why it cannot.
    public typealias FileReader = @Sendable (_ path: String) throws -> String

    /// Variables every run defines from the account and the connection.
    public static let builtinVariables: Set<String> = ["user", "password", "apop_digest"]

    private let readFile: FileReader

    public init(readFile: @escaping FileReader) {
        self.readFile = readFile
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
        let text: String
        do {
            text = try readFile(path)
        } catch {
            throw ScenarioError(site == nil ? "cannot read scenario: \(error)" : "cannot include '\(path)': \(error)", at: location)
        }
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            let here = SourceLocation(file: path, line: lineNumber)
            if let target = try state.consume(line, at: here, isFragment: !stack.isEmpty) {
                try include(Self.resolve(target, relativeTo: path), from: here, into: &state, stack: stack + [path])
            }
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
        var references: [String] = []
        var requirements: [String] = []
        var steps: [ScenarioStep] = []
        var pending: Exchange?
        var defined = ScenarioParser.builtinVariables
        var openConnections: Set<String> = []
        var firstStepLocation: SourceLocation?

        init(file: String) { self.file = file }

        /// Handles one line; returns an include target for the caller to read.
        mutating func consume(_ line: Substring, at location: SourceLocation, isFragment: Bool) throws(ScenarioError) -> String? {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
            if trimmed.hasPrefix("@") {
                return try directive(trimmed.dropFirst(), at: location, isFragment: isFragment)
            }
            if let text = Self.payload(of: line, prefix: "C:") {
                try flush()
                try ensureConnection(at: location)
                pending = Exchange(command: try Template(text, at: location), expected: [], location: location)
                try checkDefined(pending!.command!.segments, at: location)
                return nil
            }
            if let text = Self.payload(of: line, prefix: "S:") {
                try ensureConnection(at: location)
                try expect(text, at: location)
                return nil
            }
            throw ScenarioError("expected 'C:', 'S:', an @directive or a # comment, found '\(line.prefix(40))'", at: location)
        }

        /// The text after `C:` or `S:` and one optional space, as written (trailing spaces matter).
        private static func payload(of line: Substring, prefix: String) -> Substring? {
            guard line.hasPrefix(prefix) else { return nil }
            let rest = line.dropFirst(prefix.count)
            return rest.first == " " ? rest.dropFirst() : rest
        }

        private mutating func expect(_ text: Substring, at location: SourceLocation) throws(ScenarioError) {
            if pending == nil {
                guard case .connect? = steps.last else {
                    throw ScenarioError("'S:' line without a 'C:' line before it; only a greeting may come before any command", at: location)
                }
                pending = Exchange(command: nil, expected: [], location: location)
            }
            if text == "{...}" {
                guard !pending!.expected.isEmpty else {
                    throw ScenarioError("'{...}' stands for content lines; the status line must come first", at: location)
                }
                pending!.expected.append(.anyLines(location))
                return
            }
            let pattern = try LinePattern(text, at: location)
            try checkDefined(pattern.segments, at: location)
            defined.formUnion(pattern.captures)
            pending!.expected.append(.line(pattern))
        }

        private func checkDefined(_ segments: [Segment], at location: SourceLocation) throws(ScenarioError) {
            for case .variable(let name) in segments where !defined.contains(name) {
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

        private mutating func open(_ name: String, at location: SourceLocation) {
            openConnections.insert(name)
            steps.append(.connect(name: name, location: location))
        }

        private mutating func flush() throws(ScenarioError) {
            guard let exchange = pending else { return }
            pending = nil
            if mailProtocol == .pop3 { try Self.checkPOP3Reply(exchange) }
            steps.append(.exchange(exchange))
        }

        /// A POP3 reply is one status line, optionally followed by content and the `.` terminator.
        private static func checkPOP3Reply(_ exchange: Exchange) throws(ScenarioError) {
            guard exchange.expected.count > 1 else { return }
            guard case .line(let last) = exchange.expected.last!, last.isLiteral(".") else {
                throw ScenarioError("a multi-line reply must end with the terminator line 'S: .'", at: exchange.expected.last!.location)
            }
        }

        private mutating func directive(_ text: Substring, at location: SourceLocation, isFragment: Bool) throws(ScenarioError) -> String? {
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
            case "rfc":
                try headerOnly()
                try requireArgument("a citation, e.g. 'RFC 1939 §7'")
                references.append(argument)
            case "requires":
                try requireArgument("one or more capability names")
                requirements += argument.split(separator: " ").map { $0.uppercased() }.filter { !requirements.contains($0) }
            case "include":
                try requireArgument("a file path")
                try flush()
                return argument
            case "set":
                let parts = argument.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, VariableName.isValid(parts[0]) else {
                    throw ScenarioError("@set needs a variable name and a value: '@set name value'", at: location)
                }
                try flush()
                defined.insert(String(parts[0]))
                steps.append(.set(name: String(parts[0]), value: String(parts[1]), location: location))
            case "connect":
                guard mailProtocol != nil else { throw ScenarioError("@protocol must come before @connect", at: location) }
                let connection = argument.isEmpty ? "main" : argument
                guard VariableName.isValid(Substring(connection)) else {
                    throw ScenarioError("'\(connection)' is not a connection name", at: location)
                }
                try flush()
                if firstStepLocation == nil { firstStepLocation = location }
                open(connection, at: location)
            case "use":
                try requireArgument("a connection name")
                guard openConnections.contains(argument) else {
                    throw ScenarioError("no connection named '\(argument)' was opened with @connect", at: location)
                }
                try flush()
                steps.append(.use(name: argument, location: location))
            default:
                throw ScenarioError("unknown directive '@\(name)'; known: @protocol @title @rfc @requires @include @set @connect @use", at: location)
            }
            return nil
        }

        mutating func finish() throws(ScenarioError) -> Scenario {
            try flush()
            let start = SourceLocation(file: file, line: 1)
            guard let mailProtocol else { throw ScenarioError("missing '@protocol pop3' or '@protocol imap'", at: start) }
            guard steps.contains(where: { if case .exchange = $0 { true } else { false } }) else {
                throw ScenarioError("the scenario has no 'C:' or 'S:' lines", at: start)
            }
            let name = file.split(separator: "/").last.map(String.init) ?? file
            return Scenario(file: file, mailProtocol: mailProtocol, title: title ?? name,
                            references: references, requirements: requirements, steps: steps)
        }
    }
}
