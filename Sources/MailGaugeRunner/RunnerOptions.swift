import Logging
import MailGaugeClient
import MailGaugeWire

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
    /// The largest message a reply may carry, in bytes: an IMAP literal (FETCH BODY[]), a POP3
    /// RETR or TOP body. The decoder keeps no more than that of one reply, whatever a server
    /// sends; IMAP reports a larger literal as a violation and discards that response, POP3
    /// frames the rest of a larger body without keeping it, with a warning.
    public var maxMessageSize: Int
    /// The longest reply line kept, in bytes (outside IMAP literals); the decoder cuts a longer
    /// one and reports it. nil: each protocol's default, 1 MiB for IMAP, 64 KiB for POP3.
    public var maxLineLength: Int?
    /// The personal namespace's prefix (RFC 2342 §5), under which every replay's own mailbox
    /// `${box}` is named: what `check` learns from NAMESPACE (`INBOX.` on Courier and Cyrus),
    /// empty (top level) by default.
    public var mailboxPrefix: String = ""
    /// The most IMAP responses one command's reply may hold before its completion: past it the
    /// step fails and the connection is dropped, so an untagged flood costs bounded memory.
    public var maxResponsesPerReply = 100_000
    /// What every `${run}` of a run begins with, so the run can find what its replays made
    /// (`AccountGuard` removes any mailbox a case left behind) and nothing another run made.
    public var runToken = "mg" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
    /// The accounts a connection may log in as besides the session's own (`@connect b as 2`).
    public var roster = AccountRoster([])
    /// The local addresses connections are made from, in turn; nil: the system picks.
    public var sourceAddresses: SourceAddresses?

    public init(tls: TLSOptions = .init(), timeouts: Timeouts = .init(), scenarioTimeout: Duration = .seconds(120),
                strict: Bool = false, transcriptLinesPerReply: Int = 40,
                logger: Logger = Logger(label: "mailgauge") { _ in SwiftLogNoOpLogHandler() },
                checksGrammar: Bool = true, recordsTranscript: Bool = true, maxMessageSize: Int = 64 << 20) {
        self.tls = tls
        self.timeouts = timeouts
        self.scenarioTimeout = scenarioTimeout
        self.strict = strict
        self.transcriptLinesPerReply = transcriptLinesPerReply
        self.logger = logger
        self.checksGrammar = checksGrammar
        self.recordsTranscript = recordsTranscript
        self.maxMessageSize = maxMessageSize
    }

    /// IMAP's bounds: a literal up to the message size, and a whole response (a FETCH of
    /// several body parts) up to twice that, never below the decoder's own default.
    var imapLimits: IMAPFramingLimits {
        let defaults = IMAPFramingLimits()
        return IMAPFramingLimits(maxLineLength: maxLineLength ?? defaults.maxLineLength, maxLiteralSize: maxMessageSize,
                                 maxResponseSize: max(defaults.maxResponseSize, 2 * maxMessageSize))
    }

    var pop3Limits: POP3Limits {
        POP3Limits(maxLineLength: maxLineLength ?? POP3Limits().maxLineLength, maxBodyBytes: maxMessageSize)
    }
}
