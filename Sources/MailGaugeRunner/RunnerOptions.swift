import Logging
import MailGaugeClient

/// How scenarios are replayed: TLS trust, time bounds and how strict the grammar check is.
public struct RunnerOptions: Sendable {
    public var tls: TLSOptions
    public var timeouts: Timeouts
    /// The most one scenario may take, all connections together, before it is stopped.
    public var scenarioTimeout: Duration
    /// Fail on warning-level findings (leniencies real servers get away with), not only on violations.
    public var strict: Bool
    /// Transcripts keep at most this many lines of one reply's content, so a large RETR stays readable.
    public var transcriptLinesPerReply: Int
    /// Receives every transcript line (trace), connection events (debug) and scenario
    /// outcomes (info), secrets masked as in the transcript.
    public var logger: Logger
    /// Whether grammar findings can fail a step. Off only for load runs that trade checking
    /// for generator speed (`bench --check off|sample=N%`); replies are still framed and
    /// matched against the scenario, which drives the session.
    public var checksGrammar: Bool
    /// Whether the transcript and the actual lines of passing steps are kept. Load runs keep
    /// none (a failed step keeps its lines regardless): escaping every line would cost more
    /// than the rest of the session.
    public var recordsTranscript: Bool

    public init(tls: TLSOptions = .init(), timeouts: Timeouts = .init(), scenarioTimeout: Duration = .seconds(120),
                strict: Bool = false, transcriptLinesPerReply: Int = 40,
                logger: Logger = Logger(label: "mailgauge") { _ in SwiftLogNoOpLogHandler() },
                checksGrammar: Bool = true, recordsTranscript: Bool = true) {
        self.tls = tls
        self.timeouts = timeouts
        self.scenarioTimeout = scenarioTimeout
        self.strict = strict
        self.transcriptLinesPerReply = transcriptLinesPerReply
        self.logger = logger
        self.checksGrammar = checksGrammar
        self.recordsTranscript = recordsTranscript
    }
}
