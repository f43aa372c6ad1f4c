/// `resp-text = ["[" resp-text-code "]" SP] text` (RFC 9051 §9): an optional machine-readable
/// code and text meant for humans.
public struct IMAPResponseText: Sendable, Hashable {
    public var code: IMAPResponseCode?
    public var text: String

    public init(code: IMAPResponseCode? = nil, text: String) {
        self.code = code
        self.text = text
    }
}
