import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeRunner
import MailGaugeScenario
import Testing

/// Each POP3 fault makes a run of the shipped scenarios fail, with a finding of the rule the
/// fault breaks — proof that MailGauge's checks catch it.
struct POP3FaultTests {
    @Test(arguments: [
        (Fault.unstuffedDots, "pop3.byte-stuffing"),
        (.bareLineFeeds, "pop3.line-ending"),
        (.badStatusIndicator, "pop3.status-indicator"),
        (.longLines, "pop3.line-length"),
        (.malformedStat, "pop3.stat-reply"),
        (.duplicateUIDL, "pop3.unique-id-listing"),
    ])
    func faultIsCaughtByTheGrammarChecker(fault: Fault, rule: String) async throws {
        try await RunningServer.with(.init(faults: [fault], threads: 1)) { server, _ in
            let runner = ScenarioRunner(target: try Target(url: "pop3://127.0.0.1:\(server.ports.pop3)"))
            var rules: Set<String> = []
            var failures = 0
            // The shipped scenarios do not depend on what the mailbox holds, so none RETRs a
            // message with lines that start with a dot: seed message 2 is one.
            let scenarios = try RepositoryFiles.pop3Scenarios.map { try POP3ScenarioTests.parser.parse(path: $0) }
                + [try POP3ScenarioTests.scenario("C: RETR 2\nS: +OK{*}\nS: {...}\nS: .\nC: QUIT\nS: +OK{*}\n")]
            for scenario in scenarios {
                let result = await runner.run(scenario, as: POP3ScenarioTests.user1)
                if result.status != .passed { failures += 1 }
                rules.formUnion(result.steps.flatMap(\.findings).map(\.rule))
            }
            #expect(failures > 0, "\(fault) went unnoticed")
            #expect(rules.contains(rule), "\(fault): found \(rules.sorted())")
        }
    }

    static let seedOctets = SeedMessage.embedded.reduce(0) { $0 + $1.bytes.count }

    /// Faults that keep the grammar intact but break a cross-check a scenario makes.
    @Test(arguments: [
        (Fault.statListMismatch, "C: STAT\nS: +OK 5 \(seedOctets)\n"),
        (.listSizeMismatch, "C: LIST 1\nS: +OK 1 {size:number}\nC: RETR 1\nS: +OK ${size} octets\nS: {...}\nS: .\n"),
        (.deleteWithoutQuit, "C: STAT\nS: +OK 5 {number}\nC: QUIT\nS: +OK{*}\n"),
    ])
    func faultIsVisibleToAScenario(fault: Fault, body: String) async throws {
        try await RunningServer.with(.init(faults: [fault], threads: 1)) { server, _ in
            let runner = ScenarioRunner(target: try Target(url: "pop3://127.0.0.1:\(server.ports.pop3)"))
            if fault == .deleteWithoutQuit {
                _ = await runner.run(try POP3ScenarioTests.scenario("C: DELE 1\nS: +OK{*}\n"), as: POP3ScenarioTests.user1)
            }
            // The server acts on a dropped connection when it notices the drop, which may be
            // after the next session logged in: look again, a bounded number of times.
            var result = await runner.run(try POP3ScenarioTests.scenario(body), as: POP3ScenarioTests.user1)
            for _ in 0..<20 where fault == .deleteWithoutQuit && result.status == .passed {
                try await Task.sleep(for: .milliseconds(50))
                result = await runner.run(try POP3ScenarioTests.scenario(body), as: POP3ScenarioTests.user1)
            }
            #expect(result.status == .failed, "\(fault) went unnoticed")
        }
    }
}
