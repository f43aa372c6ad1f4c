import MailGaugeClient
import MailGaugeResult

/// Names why a session failed with a stable kind, so runs can be compared by error counts:
/// the transport's kind when the connection failed, the server's refusal per verb
/// (`-ERR RETR`, RFC 1939 §3; `NO LOGIN` / `BAD FETCH`, RFC 9051 §7.1), a grammar
/// violation, or a reply that did not match the scenario.
enum ErrorClassifier {
    static func kind(of result: ScenarioResult, transport: ConnectionError?, verbs: ScenarioVerbs) -> ErrorKind? {
        guard result.status == .failed || result.status == .error else { return nil }
        if let transport { return kind(of: transport.kind) }
        guard let step = result.steps.last(where: { $0.status == .failed }) else { return .other }
        guard step.mismatch != nil else { return .grammar }
        if let status = refusal(in: step.actual), case .command(let verb)? = verbs.role(at: step.location) {
            return .refusal(status: status, verb: verb)
        }
        return .unexpectedReply
    }

    static func kind(of transport: ConnectionError.Kind) -> ErrorKind {
        switch transport {
        case .refused, .unreachable: .refused
        case .connectTimeout, .readTimeout: .timeout
        case .tls, .certificate, .unexpectedBytesBeforeTLS: .tls
        case .closed: .disconnect
        case .tooLarge, .other: .other
        }
    }

    /// `-ERR` as a POP3 status line, or `NO` / `BAD` as an IMAP tagged completion.
    private static func refusal(in lines: [String]) -> String? {
        if lines.first?.hasPrefix("-ERR") == true { return "-ERR" }
        guard let last = lines.last, !last.hasPrefix("*") else { return nil }
        let words = last.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, words[1] == "NO" || words[1] == "BAD" else { return nil }
        return String(words[1])
    }
}
