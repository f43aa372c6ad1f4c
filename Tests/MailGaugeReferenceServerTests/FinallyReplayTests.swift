import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import Testing

/// `@finally` against the reference server: the cleanup runs whatever the steps before it did,
/// and the first failure is the scenario's reason. What the cleanup did is checked on the
/// server afterwards, by a second scenario that looks for the scratch mailbox.
struct FinallyReplayTests {
    static let user1 = Account(user: "user1", password: "mg-pass-1")

    /// An IMAP scenario that logs in as `user1` and then runs `body`; line 5 is the body's first.
    static func scenario(_ body: String) throws -> Scenario {
        let text = "@protocol imap\nS: * OK {*}\nC: LOGIN ${user} ${password}\nS: OK {*}\n" + body
        return try ScenarioParser { _ in text }.parse(path: "inline.scn")
    }

    /// Whether the account still has mailbox `name`, asked in a scenario of its own.
    static func mailboxExists(_ name: String, runner: ScenarioRunner) async throws -> Bool {
        let listed = await runner.run(try scenario("C: LIST \"\" \(name)\nS: * LIST ({*}) {*} \(name)\nS: OK {*}\n"), as: user1)
        return listed.status == .passed
    }

    /// Each recorded step as its line and status, e.g. `inline.scn:7 failed`.
    static func outline(_ result: ScenarioResult) -> [String] {
        result.steps.map { "\($0.location) \($0.status.rawValue)" }
    }

    /// Replays `body` (after the login) on a fresh reference server, then hands the result
    /// and the runner, for questions to the same server, to `check`.
    static func replay(_ body: String, _ check: (ScenarioResult, ScenarioRunner) async throws -> Void) async throws {
        try await RunningServer.with { server, _ in
            let runner = ScenarioRunner(target: try Target(url: "imap://127.0.0.1:\(server.ports.imap)"))
            try await check(await runner.run(try scenario(body), as: user1), runner)
        }
    }

    @Test func cleanupRunsAfterAFailedStepAndTheFirstFailureIsTheReason() async throws {
        try await Self.replay("""
                C: CREATE MailGaugeFinally
                S: OK {*}
                C: NOOP
                S: NO {*}
                C: CHECK
                S: OK {*}
                @finally
                C: SELECT MailGaugeNoSuchMailbox
                S: OK {*}
                C: DELETE MailGaugeFinally
                S: OK {*}

                """) { result, runner throws in
            #expect(result.status == .failed)
            #expect(result.reason?.hasPrefix("inline.scn:7: ") == true, "\(result.reason ?? "")")
            // The main part stopped at NOOP; the cleanup went on past its own failed SELECT.
            #expect(Self.outline(result) == ["inline.scn:2 passed", "inline.scn:3 passed", "inline.scn:5 passed",
                                             "inline.scn:7 failed", "inline.scn:12 failed", "inline.scn:14 passed"])
            #expect(result.transcript.contains { $0.text.hasSuffix("DELETE MailGaugeFinally") })
            #expect(try await !Self.mailboxExists("MailGaugeFinally", runner: runner))
        }
    }

    @Test func failedCleanupFailsAScenarioThatPassedUntilThen() async throws {
        try await Self.replay("""
                C: CREATE MailGaugeFinally
                S: OK {*}
                @finally
                C: SELECT MailGaugeNoSuchMailbox
                S: OK {*}
                C: DELETE MailGaugeFinally
                S: OK {*}
                C: DELETE MailGaugeFinally
                S: OK {*}

                """) { result, runner throws in
            #expect(result.status == .failed)
            // The first failed cleanup step is the reason, not the later second DELETE.
            #expect(result.reason?.hasPrefix("inline.scn:8: ") == true, "\(result.reason ?? "")")
            #expect(Self.outline(result).suffix(3) == ["inline.scn:8 failed", "inline.scn:10 passed", "inline.scn:12 failed"])
            #expect(try await !Self.mailboxExists("MailGaugeFinally", runner: runner))
        }
    }

    @Test func passingCleanupLeavesAPassingScenarioPassed() async throws {
        try await Self.replay("""
                C: CREATE MailGaugeFinally
                S: OK {*}
                @finally
                C: DELETE MailGaugeFinally
                S: OK {*}

                """) { result, runner throws in
            #expect(result.status == .passed, "\(result.reason ?? "")")
            #expect(Self.outline(result).last == "inline.scn:8 passed")
        }
    }

    /// A step that fails inside IDLE leaves it running; the cleanup's commands would otherwise
    /// go out as IDLE's data. DONE ends it first, and is recorded against the IDLE line.
    @Test func cleanupAfterAFailureInsideIDLEEndsTheIDLEFirst() async throws {
        try await Self.replay("""
                C: CREATE MailGaugeFinally
                S: OK {*}
                C: SELECT INBOX
                S: OK {*}
                C: IDLE
                S: + never this text
                @finally
                C: DELETE MailGaugeFinally
                S: OK {*}

                """) { result, runner throws in
            #expect(result.status == .failed)
            #expect(result.reason?.hasPrefix("inline.scn:9: ") == true, "\(result.reason ?? "")")
            #expect(Self.outline(result).suffix(3) == ["inline.scn:9 failed", "inline.scn:9 passed", "inline.scn:12 passed"])
            #expect(result.transcript.contains { $0.direction == .client && $0.text == "DONE" })
            #expect(try await !Self.mailboxExists("MailGaugeFinally", runner: runner))
        }
    }

    /// A cleanup that acts only on what an `S?:` response captured: when the response comes,
    /// it acts; when it does not, the cleanup ends at the first use without failing.
    @Test(arguments: [true, false])
    func cleanupEndsQuietlyWhenAnOptionalCaptureNeverCame(mailboxLeftBehind: Bool) async throws {
        try await Self.replay("""
                C: CREATE MailGaugeFinally
                S: OK {*}
                \(mailboxLeftBehind ? "" : "C: DELETE MailGaugeFinally\nS: OK {*}")
                @finally
                C: LIST "" MailGaugeFinally
                S?: * LIST ({*}) {*} {found:atom}
                S: OK {*}
                C: DELETE ${found}
                S: OK {*}
                C: NOOP
                S: OK {*}

                """) { result, runner throws in
            #expect(result.status == .passed, "\(result.reason ?? "")")
            #expect(try await !Self.mailboxExists("MailGaugeFinally", runner: runner))
            let ran = result.steps.compactMap(\.command).map { $0.split(separator: " ").dropFirst().first ?? "" }
            #expect(ran == (mailboxLeftBehind ? ["LOGIN", "CREATE", "LIST", "DELETE", "NOOP"] : ["LOGIN", "CREATE", "DELETE", "LIST"]), "\(ran)")
            #expect(result.transcript.contains { $0.text.contains("cleanup ends: variable '${found}' has no value") } == !mailboxLeftBehind)
        }
    }
}
