/// Why a run ended, so a report written for a run that could not test anything says so
/// instead of looking like an empty pass.
public struct RunStop: Sendable, Codable, Equatable {
    public enum Reason: String, Sendable, Codable, CaseIterable {
        /// Every case was run.
        case completed
        /// The target could not be used at all (unreachable, an untrusted certificate, TLS
        /// required before login on a plain target, the login refused): exit 2.
        case setupError = "setup-error"
    }

    public var reason: Reason
    /// One line saying what was wrong and what to do, `host:port: …`.
    public var detail: String?

    public init(reason: Reason, detail: String? = nil) {
        self.reason = reason
        self.detail = detail
    }
}
