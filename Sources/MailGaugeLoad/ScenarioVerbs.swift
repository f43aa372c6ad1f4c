import MailGaugeScenario

/// What each step location of a scenario is, so a step result can be filed under its
/// command verb or under the greeting without parsing the (masked, tagged) command it shows.
struct ScenarioVerbs: Sendable {
    enum Role: Sendable, Equatable {
        case greeting
        case command(String)
    }

    private var roles: [String: Role] = [:]

    init(_ scenario: Scenario) {
        var afterConnect = true
        let authenticate = scenario.mailProtocol == .pop3 ? "AUTH" : "AUTHENTICATE"
        for step in scenario.steps + scenario.cleanup {
            switch step {
            case .connect(_, _, let location):
                // Without `S:` lines the greeting is recorded at the @connect line.
                roles[location.description] = .greeting
                afterConnect = true
                continue
            case .exchange(let exchange):
                if let command = exchange.command {
                    roles[exchange.location.description] = .command(Self.verb(of: command))
                } else if afterConnect {
                    roles[exchange.location.description] = .greeting
                }
            case .authenticate(_, let location):
                roles[location.description] = .command(authenticate)
            case .use, .set, .sleep, .assertion:
                break
            }
            afterConnect = false
        }
    }

    func role(at location: String) -> Role? { roles[location] }

    /// Every command verb the scenario sends, as the result files them.
    var verbs: Set<String> {
        Set(roles.values.compactMap { if case .command(let verb) = $0 { verb } else { nil } })
    }

    /// The verb, with its subcommand for IMAP's UID prefix (`UID FETCH`, RFC 9051 §6.4.9).
    private static func verb(of command: Command) -> String {
        guard command.verb == "UID", case .literal(let text)? = command.text.segments.first else { return command.verb }
        return text.split(separator: " ").prefix(2).joined(separator: " ").uppercased()
    }
}
