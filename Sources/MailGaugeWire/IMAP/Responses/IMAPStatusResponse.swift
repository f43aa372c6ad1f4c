/// A condition and its human-readable text: `resp-cond-state`, `resp-cond-auth`, `resp-cond-bye`.
public struct IMAPStatusResponse: Sendable, Hashable {
    public var status: IMAPStatus
    public var text: IMAPResponseText

    public init(status: IMAPStatus, text: IMAPResponseText) {
        self.status = status
        self.text = text
    }
}
