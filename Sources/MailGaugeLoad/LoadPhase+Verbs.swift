import MailGaugeResult

extension LoadPhase {
    /// The verbs whose latencies add up to `authentication`.
    static let authenticationVerbs: Set<String> = ["USER", "PASS", "APOP", "AUTH", "LOGIN", "AUTHENTICATE"]
    /// The verbs timed as `logout`.
    static let logoutVerbs: Set<String> = ["QUIT", "LOGOUT"]
}
