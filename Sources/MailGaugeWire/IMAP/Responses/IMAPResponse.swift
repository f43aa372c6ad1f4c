/// One parsed server response (RFC 9051 §7, RFC 3501 §7). Indirect, so a copy is one
/// reference: the replay's async frames, which every session of a load run keeps, hold many.
public indirect enum IMAPResponse: Sendable, Hashable {
    /// The first response on a connection: OK, PREAUTH or BYE (`greeting`).
    case greeting(IMAPStatusResponse)
    /// The completion of a command: `tag SP resp-cond-state` (`response-tagged`).
    case tagged(tag: String, IMAPStatusResponse)
    /// A `*` response (`response-data`, `response-fatal`).
    case untagged(IMAPUntaggedData)
    /// `+` asking for more client data (`continue-req`).
    case continuation(IMAPContinuation)

    /// The command tag, for tagged responses.
    public var tag: String? {
        if case .tagged(let tag, _) = self { return tag }
        return nil
    }

    /// The condition and text of greetings, tagged and untagged status responses.
    public var statusResponse: IMAPStatusResponse? {
        switch self {
        case .greeting(let status), .tagged(_, let status), .untagged(.condition(let status)): return status
        case .untagged, .continuation: return nil
        }
    }

    /// OK, NO, BAD, PREAUTH or BYE, for the responses that carry one.
    public var status: IMAPStatus? { statusResponse?.status }

    /// The response code in brackets, wherever resp-text carries one.
    public var responseCode: IMAPResponseCode? {
        if case .continuation(.text(let text)) = self { return text.code }
        return statusResponse?.text.code
    }

    /// A short name for what this is: `TAGGED`, `GREETING`, `CONTINUATION`, or the untagged kind
    /// (`OK`, `EXISTS`, `FETCH`, `CAPABILITY`, …).
    public var kind: String {
        switch self {
        case .greeting: return "GREETING"
        case .tagged: return "TAGGED"
        case .continuation: return "CONTINUATION"
        case .untagged(let data): return data.kind
        }
    }

    /// Capabilities announced by CAPABILITY data or by a `[CAPABILITY …]` response code.
    public var capabilities: [String]? {
        if case .untagged(.capability(let list)) = self { return list }
        if case .capability(let list) = responseCode { return list }
        return nil
    }
}
