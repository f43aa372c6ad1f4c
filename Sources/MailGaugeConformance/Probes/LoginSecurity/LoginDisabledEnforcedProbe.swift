import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// A server that advertises LOGINDISABLED refuses LOGIN: it "will respond with a tagged NO
/// response to any attempt to use the LOGIN command even if the user name and password are
/// valid" (RFC 3501 §7.2.1; RFC 9051 §6.2.3 keeps LOGINDISABLED). MailGauge never sends the
/// account's password to find out: it tries LOGIN on a plain connection with a throwaway one
/// (which costs a failed login in the server's log). `OK` proves the server ignores its own
/// LOGINDISABLED; `NO [AUTHENTICATIONFAILED]` says it judged the password rather than refusing
/// LOGIN outright, evidence that it would take the real one in clear — a warning, since NO is
/// what the RFC asks for; NO with any other code, or none, passes.
public struct LoginDisabledEnforcedProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/imap-logindisabled-enforced"
    public let title = "LOGIN is refused on a plain connection that advertises LOGINDISABLED"
    public let references = ["RFC 3501 §7.2.1", "RFC 9051 §6.2.3", "RFC 5530 §3"]
    public let mailProtocol = MailProtocol.imap
    public let logsIn = false

    public func run(_ context: ProbeContext) async throws {
        guard context.target.security != .implicitTLS else {
            throw ScriptSkipped("the target uses implicit TLS; LOGINDISABLED is about plain connections")
        }
        let connection = try await context.replay.openIMAP(login: false, upgradable: true)
        guard try await connection.capabilities().contains("LOGINDISABLED") else {
            await connection.logout()
            throw ScriptSkipped("the server does not advertise LOGINDISABLED on a plain connection")
        }
        let throwaway = "mailgauge-throwaway-\(context.replay.runToken)"
        context.replay.note("LOGIN with a throwaway password, never the account's, to see whether LOGINDISABLED is enforced")
        let answer = try await connection.command("LOGIN ${quoted_user} \"\(throwaway)\"", expecting: nil).last
        let observed = [answer.map { ByteEscaping.escape($0.firstLine) } ?? "no completion"]
        switch (answer?.response?.status, answer?.response?.responseCode?.name) {
        case (.ok?, _):
            context.verify("LOGIN is refused while LOGINDISABLED is advertised", citing: "RFC 3501 §7.2.1", holds: false, observed: observed)
        case (.no?, "AUTHENTICATIONFAILED"):
            context.replay.warn(Finding(rule: "imap.logindisabled-not-enforced", reference: "RFC 3501 §7.2.1", severity: .warning,
                                        message: "LOGIN under LOGINDISABLED was judged on its password (AUTHENTICATIONFAILED), not refused outright: the server would likely accept a valid password in clear",
                                        bytes: Array(answer?.firstLine ?? [])),
                                observed: observed)
        default:
            context.verify("LOGIN is refused while LOGINDISABLED is advertised", citing: "RFC 3501 §7.2.1",
                           holds: answer?.response?.status == .no || answer?.response?.status == .bad, observed: observed)
        }
        await connection.logout()
    }
}
