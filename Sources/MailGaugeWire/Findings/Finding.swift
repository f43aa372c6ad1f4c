/// One place where a server's bytes depart from the protocol's grammar.
///
/// Findings are values, never errors: a conformance run wants every departure in a reply,
/// not just the first, and a lenient parse must keep going after reporting one.
public struct Finding: Sendable, Hashable, Codable {
    /// How bad a departure is.
    public enum Severity: String, Sendable, Codable, Comparable {
        /// Real servers commonly do this and clients cope; a strict run may still fail on it.
        case warning
        /// The bytes break a MUST of the grammar.
        case violation

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .violation
        }
    }

    /// Stable rule name (`pop3.status-indicator`, or an ABNF rule name for IMAP).
    public var rule: String
    /// Where the rule is written down, e.g. `RFC 1939 §3`.
    public var reference: String
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// The offending bytes, as received: the first `maxBytes` of them, enough to see what is
    /// wrong (a 64 KiB line would otherwise be kept, and reported, once per finding).
    public var bytes: [UInt8]

    public static let maxBytes = 512

    public init(rule: String, reference: String, severity: Severity = .violation, message: String, bytes: some Collection<UInt8>) {
        self.rule = rule
        self.reference = reference
        self.severity = severity
        self.message = message
        self.bytes = Array(bytes.prefix(Self.maxBytes))
    }

    /// `rule (reference): message: "escaped bytes"`, the one-line form used in terminal output.
    public var summary: String {
        "\(rule) (\(reference)): \(message): \"\(ByteEscaping.escape(bytes))\""
    }
}
