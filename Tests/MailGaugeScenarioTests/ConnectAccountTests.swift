import Testing
@testable import MailGaugeScenario

/// `@connect name as ACCOUNT`: which of the run's accounts a connection logs in as.
@Suite struct ConnectAccountTests {
    private func parse(_ text: String) throws(ScenarioError) -> Scenario {
        try ScenarioParser { _ in text }.parse(path: "two.scn")
    }

    private func connects(_ scenario: Scenario) -> [String] {
        scenario.steps.compactMap { step in
            guard case .connect(let name, let account, _) = step else { return nil }
            return account.map { "\(name) as \($0)" } ?? name
        }
    }

    @Test func aPositionAnOffsetAndAUserName() throws {
        let scenario = try parse("""
            @protocol pop3
            @connect a
            S: +OK{*}
            @connect b as 2
            S: +OK{*}
            @connect c as +1
            S: +OK{*}
            @connect d as alice@example.org
            S: +OK{*}

            """)
        #expect(connects(scenario) == ["a", "b as 2", "c as +1", "d as alice@example.org"])
        let references = scenario.steps.compactMap { if case .connect(_, let account?, _) = $0 { account } else { nil } }
        #expect(references == [.position(2), .offset(1), .user("alice@example.org")])
    }

    @Test(arguments: [
        ("@connect b as 0", "two.scn:2: '0' names no account"),
        ("@connect b as +0", "two.scn:2: '+0' names no account"),
        ("@connect b as +x", "two.scn:2: '+x' names no account"),
        ("@connect b as", "two.scn:2: '@connect b as': write '@connect name' or '@connect name as ACCOUNT'"),
        ("@connect b with 2", "two.scn:2: '@connect b with 2'"),
        ("@connect b as 2 3", "two.scn:2: '@connect b as 2 3'"),
        ("@connect 9b as 2", "two.scn:2: '9b' is not a connection name"),
    ])
    func aMalformedAccountIsAnErrorAtItsLine(directive: String, message: String) {
        let error = #expect(throws: ScenarioError.self) { try parse("@protocol pop3\n\(directive)\nS: +OK{*}\n") }
        #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "")")
    }
}
