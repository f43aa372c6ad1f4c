/// A rule the checker reports against: a stable name and where it is written down.
///
/// Names never change once published, so results can be diffed across runs.
struct POP3Rule: Sendable {
    let name: String
    let reference: String

    /// A finding against this rule; `reference` overrides the default for a more precise section.
    func finding<Bytes: Sequence>(
        _ message: String, _ bytes: Bytes, severity: Finding.Severity = .violation, reference: String? = nil
    ) -> Finding where Bytes.Element == UInt8 {
        Finding(rule: name, reference: reference ?? self.reference, severity: severity,
                message: message, bytes: Array(bytes))
    }

    static let statusIndicator = POP3Rule(name: "pop3.status-indicator", reference: "RFC 1939 §3")
    static let lineEnding = POP3Rule(name: "pop3.line-ending", reference: "RFC 1939 §3")
    static let lineLength = POP3Rule(name: "pop3.line-length", reference: "RFC 2449 §4")
    static let multilineTerminator = POP3Rule(name: "pop3.multiline-terminator", reference: "RFC 1939 §3")
    static let byteStuffing = POP3Rule(name: "pop3.byte-stuffing", reference: "RFC 1939 §3")
    static let statReply = POP3Rule(name: "pop3.stat-reply", reference: "RFC 1939 §5")
    static let scanListing = POP3Rule(name: "pop3.scan-listing", reference: "RFC 1939 §5")
    static let uniqueIDListing = POP3Rule(name: "pop3.unique-id-listing", reference: "RFC 1939 §7")
    static let capa = POP3Rule(name: "pop3.capa", reference: "RFC 2449 §5")
    static let responseCode = POP3Rule(name: "pop3.response-code", reference: "RFC 2449 §8")
    static let apopTimestamp = POP3Rule(name: "pop3.apop-timestamp", reference: "RFC 1939 §7")
    static let greeting = POP3Rule(name: "pop3.greeting", reference: "RFC 1939 §4")
    static let authContinuation = POP3Rule(name: "pop3.auth-continuation", reference: "RFC 5034 §4")
    static let utf8 = POP3Rule(name: "pop3.utf8", reference: "RFC 2449 §3; RFC 6856")
    /// Not an RFC rule: the tool's own memory bounds (`POP3Limits`) were exceeded.
    static let decoderLimit = POP3Rule(name: "pop3.decoder-limit", reference: "MailGauge POP3Limits")
}
