import MailGaugeClient
import MailGaugeLoad
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import Testing

/// Failed sessions are counted under stable kinds, with examples, whatever went wrong.
struct ErrorKindTests {
    private static func run(_ plan: LoadPlan) async -> LoadResult {
        await LoadEngine(plan: plan).run()
    }

    private static func onReference(_ faults: Set<Fault> = [], scenario: String, accounts: [Account] = LoadFixtures.accounts(),
                                     check: CheckMode = .full) async throws -> LoadResult {
        let server = try await ReferenceServer.start(.init(faults: faults, threads: 1))
        let parsed = try LoadFixtures.scenario("Scenarios/load/\(scenario).scn")
        let port = parsed.mailProtocol == .pop3 ? server.ports.pop3 : server.ports.imap
        let load = await run(try LoadFixtures.plan(parsed, target: "\(parsed.mailProtocol.rawValue)://127.0.0.1:\(port)",
                                                   model: .closed(sessions: 2, thinkTime: .zero), accounts: accounts,
                                                   iterations: 4, check: check))
        try await server.stop()
        return load
    }

    @Test func refusedPasswordIsCountedPerVerb() async throws {
        let wrong = LoadFixtures.accounts(2) { _ in "wrong" }
        let pop3 = try await Self.onReference(scenario: "pop3-login", accounts: wrong)
        #expect(Set(pop3.errors.keys) == [.refusal(status: "-ERR", verb: "PASS")])
        #expect(pop3.errors[.refusal(status: "-ERR", verb: "PASS")]?.count == 4)
        #expect(pop3.errors[.refusal(status: "-ERR", verb: "PASS")]?.examples.count == ErrorTally.exampleLimit)
        #expect(pop3.errors[.refusal(status: "-ERR", verb: "PASS")]?.examples.allSatisfy { !$0.contains("wrong") } == true)
        let imap = try await Self.onReference(scenario: "imap-login", accounts: wrong)
        #expect(Set(imap.errors.keys) == [.refusal(status: "NO", verb: "LOGIN")])
        #expect(imap.sessions.failed == 4)
    }

    @Test func grammarViolationCountsOnlyWhenChecked() async throws {
        let checked = try await Self.onReference([.bareLineFeeds], scenario: "pop3-login")
        #expect(checked.errors[.grammar]?.count == 4, "\(checked.errors)")
        #expect(checked.check == .full)
        let unchecked = try await Self.onReference([.bareLineFeeds], scenario: "pop3-login", check: .off)
        #expect(unchecked.errors.isEmpty)
        #expect(unchecked.sessions.passed == 4)
        let sampled = try await Self.onReference([.bareLineFeeds], scenario: "pop3-login", check: .sample(percent: 50))
        #expect(sampled.errors[.grammar]?.count == 2)
    }

    @Test func replyThatDiffersIsUnexpected() async throws {
        let load = try await Self.onReference([.badStatusIndicator], scenario: "pop3-login")
        #expect(Set(load.errors.keys) == [.unexpectedReply])
    }

    /// Port 1 (tcpmux) on loopback: nothing listens there, and unlike a port just freed,
    /// no test running alongside can be handed it.
    @Test func closedPortIsRefused() async throws {
        let load = await Self.run(try LoadFixtures.plan(try LoadFixtures.greetingAndQuit(), target: "pop3://127.0.0.1:1",
                                                        model: .closed(sessions: 1, thinkTime: .zero), iterations: 2))
        #expect(load.errors[.refused]?.count == 2)
        #expect(load.errors[.refused]?.examples.first?.contains("connection refused") == true)
    }

    @Test func silentServerTimesOutAndHangUpDisconnects() async throws {
        let silent = try await ScriptedPOP3Server.start()
        silent.stall(for: .seconds(60))
        let timedOut = await Self.run(try LoadFixtures.plan(
            try LoadFixtures.greetingAndQuit(), target: "pop3://127.0.0.1:\(silent.port)",
            model: .closed(sessions: 2, thinkTime: .zero), iterations: 2,
            options: RunnerOptions(timeouts: Timeouts(read: .milliseconds(300)))))
        await silent.stop()
        #expect(Set(timedOut.errors.keys) == [.timeout])

        let rude = try await ScriptedPOP3Server.start(.hangUp)
        let hungUp = await Self.run(try LoadFixtures.plan(try LoadFixtures.greetingAndQuit(), target: "pop3://127.0.0.1:\(rude.port)",
                                                          model: .closed(sessions: 1, thinkTime: .zero), iterations: 2))
        await rude.stop()
        #expect(Set(hungUp.errors.keys) == [.disconnect])
    }
}
