/// What a response answers, which decides its framing and the shape checks applied.
///
/// POP3 responses do not say whether they are multi-line: the client must know from the
/// command it sent (RFC 1939 §3), so the decoder is told.
public enum POP3ReplyContext: Sendable, Equatable {
    /// The server's first line after connecting (RFC 1939 §4).
    case greeting
    /// During AUTH (RFC 5034 §4): a `+ base64` challenge or the final `+OK`/`-ERR`.
    case authContinuation
    /// A single-line reply: USER PASS APOP DELE NOOP RSET QUIT STLS, LIST n, UIDL n, STAT,
    /// AUTH without a mechanism, and any command this module does not know.
    case singleLine(verb: String)
    /// Multi-line when `+OK`: RETR, TOP, CAPA, and LIST and UIDL without an argument.
    case multiLine(verb: String)

    /// Maps a command line as sent (`"LIST"`, `"list 2"`, `"TOP 1 0"`, `"STAT"`) to its context.
    /// Verbs are case-insensitive (RFC 1939 §3).
    public static func forCommand(_ line: String) -> POP3ReplyContext {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
        let verb = words.first.map { $0.uppercased() } ?? ""
        let hasArgument = words.count > 1
        switch verb {
        case "RETR", "TOP", "CAPA":
            return .multiLine(verb: verb)
        case "LIST", "UIDL":
            return hasArgument ? .singleLine(verb: verb) : .multiLine(verb: verb)
        case "AUTH":
            // RFC 5034 §4 defines only AUTH with a mechanism; the argument-less form is legacy.
            return hasArgument ? .authContinuation : .singleLine(verb: verb)
        default:
            return .singleLine(verb: verb)
        }
    }

    /// The upper-cased command verb this context answers, if any.
    var verb: String? {
        switch self {
        case .greeting: return nil
        case .authContinuation: return "AUTH"
        case .singleLine(let verb), .multiLine(let verb): return verb.uppercased()
        }
    }

    /// Whether a positive reply carries a dot-terminated body (RFC 1939 §3).
    var hasBodyWhenPositive: Bool {
        if case .multiLine = self { return true }
        return false
    }

    /// Whether each body line is a protocol line bound to 512 octets (CAPA per RFC 2449 §3;
    /// LIST and UIDL per RFC 1939 §3), as opposed to message content (RETR, TOP).
    var bodyLinesAreBounded: Bool {
        guard case .multiLine = self else { return false }
        return ["CAPA", "LIST", "UIDL"].contains(verb ?? "")
    }
}
