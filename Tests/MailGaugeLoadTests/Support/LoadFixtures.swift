import Foundation
import MailGaugeClient
import MailGaugeLoad
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario

/// Scenarios and plans for load tests: shipped load scenarios read from the repository, or
/// small ones written inline.
enum LoadFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A shipped scenario, optionally with its text rewritten (e.g. a shorter `@sleep`).
    static func scenario(_ path: String, rewrite: @escaping @Sendable (String) -> String = { $0 }) throws -> Scenario {
        let parser = ScenarioParser { file in
            let text = try String(contentsOfFile: file, encoding: .utf8)
            return file.hasSuffix(path) ? rewrite(text) : text
        }
        return try parser.parse(path: repository.appendingPathComponent(path).path)
    }

    /// A POP3 session that only reads the greeting and quits.
    static func greetingAndQuit() throws -> Scenario {
        try ScenarioParser { _ in "@protocol pop3\nS: +OK{*}\nC: QUIT\nS: +OK{*}\n" }.parse(path: "greeting-quit.scn")
    }

    static func accounts(_ count: Int = 20, password: (Int) -> String = { "mg-pass-\($0)" }) -> [Account] {
        (1...count).map { Account(user: "user\($0)", password: password($0)) }
    }

    static func plan(_ scenario: Scenario, target url: String, model: LoadPlan.Model, accounts: [Account] = accounts(),
                     duration: Duration? = nil, iterations: Int? = nil, check: CheckMode = .full,
                     options: RunnerOptions = .init()) throws -> LoadPlan {
        LoadPlan(scenario: scenario, accounts: accounts, runner: ScenarioRunner(target: try Target(url: url), options: options),
                 model: model, duration: duration, iterations: iterations, hardCap: .seconds(60), check: check)
    }
}
