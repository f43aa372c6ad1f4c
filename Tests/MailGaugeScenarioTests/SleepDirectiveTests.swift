import Testing
@testable import MailGaugeScenario

/// `@sleep SECONDS` holds the connections open between two exchanges (IMAP IDLE holders).
struct SleepDirectiveTests {
    private func parse(_ text: String) throws(ScenarioError) -> Scenario {
        try ScenarioParser { _ in text }.parse(path: "idle.scn")
    }

    @Test func sleepBecomesAStepBetweenExchanges() throws {
        let scenario = try parse("@protocol imap\nS: * OK{*}\nC: IDLE\nS: + {*}\n@sleep 2.5\nC: DONE\nS: OK {*}\n")
        let sleeps = scenario.steps.compactMap { step -> (Double, Int)? in
            if case .sleep(let seconds, let location) = step { (seconds, location.line) } else { nil }
        }
        #expect(sleeps.count == 1)
        #expect(sleeps.first?.0 == 2.5)
        #expect(sleeps.first?.1 == 5)
        // The exchange before it is complete: IDLE keeps its `+` line.
        let idle = scenario.steps.compactMap { if case .exchange(let exchange) = $0, exchange.command?.verb == "IDLE" { exchange } else { nil } }
        #expect(idle.first?.expected.count == 1)
    }

    @Test(arguments: ["@sleep", "@sleep soon", "@sleep -1", "@sleep 90000"])
    func malformedSleepIsRefusedWithItsLine(_ directive: String) {
        let error = #expect(throws: ScenarioError.self) { try parse("@protocol imap\nS: * OK{*}\n\(directive)\nC: LOGOUT\nS: OK {*}\n") }
        #expect(error?.location.line == 3)
        #expect(error?.message.contains("@sleep needs a number of seconds") == true)
    }
}
