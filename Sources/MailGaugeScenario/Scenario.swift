import MailGaugeWire

/// A parsed scenario: a transcript of one or more sessions, as the RFCs write them.
public struct Scenario: Sendable {
    /// The file the scenario was read from, as given to the parser.
    public var file: String
    public var mailProtocol: MailProtocol
    public var title: String
    /// Where the behaviour under test is specified (`@rfc` lines), e.g. `RFC 1939 §10`.
    public var references: [String]
    /// Capabilities the server must advertise (`@requires`); a server without them skips the scenario.
    public var requirements: [String]
    /// Fixtures the case reads as the run's seeded copies (`@seeded dots`): known content a
    /// POP3 case cannot create itself. Without seeding (`check --seed-via`) the case is skipped.
    public var seeds: [String] = []
    /// What the scenario does and checks: the steps before `@finally`, or all of them.
    public var steps: [ScenarioStep]
    /// The steps after `@finally`: they undo what `steps` did to the account, and run even
    /// when `steps` failed midway, so a failed scenario does not break the ones after it.
    public var cleanup: [ScenarioStep]

    /// Names of the connections the scenario opens, in order of first use.
    public var connectionNames: [String] {
        var names: [String] = []
        for case .connect(let name, _, _) in steps + cleanup where !names.contains(name) {
            names.append(name)
        }
        return names
    }
}

/// One thing the runner does, in order. Indirect, so a copy is one reference: the replay's
/// async frame, which every concurrent session of a load run keeps, holds several.
public indirect enum ScenarioStep: Sendable {
    /// Open a connection (and read its greeting with the next exchange); `@connect [name]`, or
    /// `@connect name as ACCOUNT` for one that logs in as another account of the run's.
    case connect(name: String, account: AccountReference?, location: SourceLocation)
    /// Switch the following exchanges to an already open connection; `@use name`.
    case use(name: String, location: SourceLocation)
    /// Give a variable a value from here on; `@set name value`.
    case set(name: String, value: String, location: SourceLocation)
    /// Wait, holding every connection open as it is (an IMAP IDLE holder, a slow reader);
    /// `@sleep SECONDS`.
    case sleep(seconds: Double, location: SourceLocation)
    /// Log in with a SASL mechanism (IMAP AUTHENTICATE, POP3 AUTH); `@authenticate SCRAM-SHA-256`.
    case authenticate(mechanism: String, location: SourceLocation)
    /// Send a command (none for a greeting) and check the reply.
    case exchange(Exchange)
    /// Check how two values compare; `@assert ${octets} = ${size}`.
    case assertion(Assertion)
}

/// Which of the run's accounts a connection speaks for (`@connect b as 2`): its `${user}` and
/// `${password}` from there on. Without one, a connection is the session's own account.
public enum AccountReference: Sendable, Equatable, CustomStringConvertible {
    /// `as 2`: the second account of the users file (1 is the first).
    case position(Int)
    /// `as +1`: the account that many places after the session's own in the users file, wrapping
    /// round, so each session of a load run pairs with a different partner.
    case offset(Int)
    /// `as alice`: the users file's account of that user name.
    case user(String)

    /// Reads what follows `as`: digits are a position, `+` and digits an offset, anything else a user name.
    public init?(_ text: Substring) {
        let digits = text.hasPrefix("+") ? text.dropFirst() : text
        if !digits.isEmpty, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            guard let number = Int(digits), number > 0 else { return nil }
            self = text.hasPrefix("+") ? .offset(number) : .position(number)
        } else {
            guard !text.isEmpty, !text.hasPrefix("+") else { return nil }
            self = .user(String(text))
        }
    }

    public var description: String {
        switch self {
        case .position(let position): String(position)
        case .offset(let offset): "+\(offset)"
        case .user(let user): user
        }
    }
}

/// `@assert ${octets} = ${size}`: two values (numbers or `${expression}`) that must stand so to
/// each other when the replay reaches the line (RETR delivers the octets LIST announced).
public struct Assertion: Sendable, Equatable {
    public var left: Expression
    public var relation: Bound.Relation
    public var right: Expression
    /// As written after `@assert`.
    public var source: String
    public var location: SourceLocation
}

/// A command and the reply expected for it.
public struct Exchange: Sendable {
    /// The command, or nil when the exchange only reads: a greeting after `@connect`, or
    /// (IMAP) untagged responses the server sends unasked, as during IDLE.
    public var command: Command?
    /// POP3: the status line, then any content lines and the terminator. IMAP: untagged
    /// expectations in any order, and the tagged completion or a `+` continuation.
    public var expected: [ExpectedLine]
    public var location: SourceLocation
    /// What a reply that does not match means: a failure unless the scenario said otherwise.
    public var obligation: Obligation = .must

    /// How much an exchange's expectation binds the server, which decides what a mismatch is.
    public enum Obligation: Sendable, Equatable {
        /// What the RFC requires (MUST, or the only answer it defines): a mismatch fails the scenario.
        case must
        /// `@needs what`: a precondition of the scenario (a message the account must hold, a flag
        /// the server must keep); a mismatch skips the scenario, saying `what`.
        case precondition(String)
        /// `@should sentence`: what the RFC recommends (SHOULD), quoted; a mismatch ends the
        /// scenario with a warning, a failure only under `--strict`.
        case should(String)
    }

    public init(command: Command?, expected: [ExpectedLine], location: SourceLocation) {
        self.command = command
        self.expected = expected
        self.location = location
    }
}
