import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// The upgrade is refused once the client has logged in: STLS is valid only in the
/// AUTHORIZATION state (RFC 2595 §4) and STARTTLS only before authentication (RFC 9051 §6.2.1).
/// It needs a login in clear, so it runs only against a plain target, where the user already
/// chose to send the password unencrypted.
public struct StartTLSAfterLoginProbe: ConformanceProbe {
    public let mailProtocol: MailProtocol
    public init(_ mailProtocol: MailProtocol) { self.mailProtocol = mailProtocol }

    public var id: String { "probes/\(mailProtocol.rawValue)-starttls-refused-after-login" }
    public var title: String { "\(mailProtocol == .pop3 ? "STLS" : "STARTTLS") after login is refused" }
    public var references: [String] { ["RFC 2595 §4", "RFC 9051 §6.2.1"] }

    public func run(_ context: ProbeContext) async throws {
        guard context.target.security == .plain else {
            throw ScriptSkipped("needs a plain target (no --starttls): the login before the upgrade would be in clear")
        }
        try await probe(try await context.plainSession(), context)
    }

    private func probe(_ session: any UpgradableConnection, _ context: ProbeContext) async throws {
        do {
            try await session.login()
        } catch let withheld as SecretWithheld {
            throw ScriptSkipped("the server does not take a login before TLS: \(withheld)")
        }
        let accepted = try await session.startTLSAccepted()
        context.verify("\(session.startTLSCapability) after login is refused", citing: "RFC 2595 §4; RFC 9051 §6.2.1",
                       holds: !accepted, observed: [accepted ? "the server accepted it" : "the server refused it"], on: session.name)
        await session.close()
    }
}
