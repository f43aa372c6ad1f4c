import MailGaugeWire

/// The outcome of replaying one scenario against one target as one account.
public struct ScenarioResult: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Every step matched and no grammar violation was found.
        case passed
        /// A reply did not match, or broke the grammar.
        case failed
        /// A reply did not do what the RFC recommends (an `@should` exchange): reported, but a
        /// failure only under `--strict`.
        case warned
        /// The server lacks a capability the scenario requires.
        case skipped
        /// The scenario could not be carried out: connection refused, timeout, TLS failure.
        case error
    }

    public var file: String
    public var title: String
    public var references: [String]
    public var account: String
    public var status: Status
    /// Why the scenario failed, errored or was skipped, in one line.
    public var reason: String?
    public var steps: [StepResult]
    /// Everything sent and received, in order, with secrets masked.
    public var transcript: [TranscriptLine]
    public var durationSeconds: Double

    public init(file: String, title: String, references: [String], account: String, status: Status, reason: String?,
                steps: [StepResult], transcript: [TranscriptLine], durationSeconds: Double) {
        self.file = file
        self.title = title
        self.references = references
        self.account = account
        self.status = status
        self.reason = reason
        self.steps = steps
        self.transcript = transcript
        self.durationSeconds = durationSeconds
    }
}

/// One exchange of a scenario: a command (or a greeting) and its checked reply.
public struct StepResult: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case passed, failed
        /// An `@needs` precondition the reply did not meet: the scenario is skipped from here.
        case unmet
        /// An `@should` recommendation the reply did not follow: the scenario ends with a warning.
        case warned
    }

    /// `file:line` of the exchange in the scenario.
    public var location: String
    public var connection: String
    /// The command as sent, secrets masked; nil for a greeting.
    public var command: String?
    public var status: Status
    /// The `S:` lines as written in the scenario.
    public var expected: [String]
    /// The reply's lines as received (status line, content lines unstuffed), escaped, secrets masked.
    public var actual: [String]
    /// Where expected and actual part ways, when they do.
    public var mismatch: Mismatch?
    public var findings: [Finding]
    /// From sending the command's last byte to receiving the reply's last byte.
    public var latencySeconds: Double

    public init(location: String, connection: String, command: String?, status: Status, expected: [String], actual: [String],
                mismatch: Mismatch?, findings: [Finding], latencySeconds: Double) {
        self.location = location
        self.connection = connection
        self.command = command
        self.status = status
        self.expected = expected
        self.actual = actual
        self.mismatch = mismatch
        self.findings = findings
        self.latencySeconds = latencySeconds
    }
}

/// The first point where a reply departs from its expectation.
public struct Mismatch: Sendable, Codable, Equatable {
    /// Index into `expected`, or nil when the reply had more lines than expected.
    public var expectedLine: Int?
    /// Index into `actual`, or nil when the reply ended before the expectation did.
    public var actualLine: Int?
    public var message: String

    public init(expectedLine: Int?, actualLine: Int?, message: String) {
        self.expectedLine = expectedLine
        self.actualLine = actualLine
        self.message = message
    }
}

/// One line of a session as it crossed the wire.
public struct TranscriptLine: Sendable, Codable, Equatable {
    public enum Direction: String, Sendable, Codable {
        /// Sent by MailGauge (`C:`).
        case client = "C"
        /// Received from the server (`S:`).
        case server = "S"
        /// Something that happened without bytes: connect, TLS handshake, close.
        case event = "*"
    }

    public var connection: String
    public var direction: Direction
    /// The line without its ending, escaped so every octet is visible, secrets masked.
    public var text: String

    public init(connection: String, direction: Direction, text: String) {
        self.connection = connection
        self.direction = direction
        self.text = text
    }
}
