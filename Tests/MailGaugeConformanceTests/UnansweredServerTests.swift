import MailGaugeClient
import MailGaugeConformance
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeTestSupport
import MailGaugeWire
import Testing

/// A server that stops answering ends the check after a few cases, the rest recorded as not
/// run with the reason; a server that still answers, though some cases time out, is checked to
/// the end; `--max-time` bounds the case that is running when it is spent, and runs no other.
struct UnansweredServerTests {
    @Test func maxTimeCutsTheRunningCaseShortAndRunsNoOther() async throws {
        let slow = "@protocol imap\nS: * OK {*}\nC: NOOP\nS: OK {*}\n@sleep 300\nC: NOOP\nS: OK {*}\n"
        let quick = "@protocol imap\nS: * OK {*}\nC: NOOP\nS: OK {*}\n"
        let scenarios = try [slow, quick, quick].enumerated().map { index, text in try ScenarioParser { _ in text }.parse(path: "case-\(index).scn") }
        let outcome = try await ReferenceTarget.with { reference in
            await ConformanceCheck(target: reference.target(.imap), options: reference.options, account: reference.account, maxTime: .seconds(20))
                .run(scenarios, probes: [])
        }
        let cases = outcome.results.filter { $0.file.hasPrefix("case-") }
        #expect(cases.map(\.status) == [.failed, .error, .error])
        #expect(cases[0].reason?.contains("scenario timed out after") == true, "\(cases[0].reason ?? "")")
        // Its own recorded time: what the survey left of the 20 seconds (a loaded CI machine
        // has spent 6 on it), never the 300 s of its @sleep.
        #expect(cases[0].durationSeconds < 30)
        #expect(cases.dropFirst().allSatisfy { $0.reason?.hasPrefix("not run: --max-time 20.0 seconds was spent") == true },
                "\(cases.map { $0.reason ?? "" })")
    }

    /// The survey counts against `--max-time`: a server that never greets held the check for
    /// the survey's read timeout before the budget even started.
    @Test func maxTimeBoundsTheSurveyToo() async throws {
        let server = try await HostileServer.start(.noGreeting, speaking: .imap)
        let scenarios = try [ScenarioParser { _ in "@protocol imap\nS: * OK {*}\nC: NOOP\nS: OK {*}\n" }.parse(path: "case.scn")]
        let started = ContinuousClock.now
        let outcome = await ConformanceCheck(target: try Target(url: "imap://127.0.0.1:\(server.port)"),
                                             options: RunnerOptions(timeouts: Timeouts(read: .seconds(20))),
                                             account: Account(user: "u", password: "p"), maxTime: .seconds(2))
            .run(scenarios, probes: ShippedSuites.catalog.probes([.imap4rev1]))
        let took = started.duration(to: .now)
        await server.stop()
        // Without the budget covering it, the survey alone waits out its 20 s read timeout. The
        // bound leaves room for a loaded CI machine: one run there took 7.4 s where 2.0 is usual.
        #expect(took < .seconds(12), "\(took)")
        #expect(outcome.results.first?.status != .passed)
    }

    @Test func aServerThatGoesAwayEndsTheCheckAfterAFewCases() async throws {
        let server = try await ReferenceServer.start(.init(threads: 1))
        let target = Target(mailProtocol: .pop3, host: "127.0.0.1", port: server.ports.pop3, security: .plain)
        let suites = [SuiteName.pop3]
        let scenarios = try ShippedSuites.scenarios(suites)
        var stopping: Task<Void, Never>?
        let outcome = await ConformanceCheck(target: target, options: RunnerOptions(), account: Account(user: "user3", password: "mg-pass-3"))
            .run(scenarios, probes: ShippedSuites.catalog.probes(suites)) { result in
                if result.file == CapabilityProbe.caseID { stopping = Task { try? await server.stop() } }
            }
        await stopping?.value
        let notRun = outcome.results.filter { $0.reason?.hasPrefix("not run: the server stopped answering: 3 cases in a row ended on") == true }
        let ran = outcome.results.filter { $0.file != CapabilityProbe.caseID && !notRun.contains($0) && !$0.file.hasPrefix("account/") }
        #expect(ran.count <= 4, "cases run after the server went: \(ran.map(\.file))")
        #expect(notRun.count >= scenarios.count - 4 + ShippedSuites.catalog.probes(suites).count)
        #expect(notRun.allSatisfy { $0.status == .error })
    }

    @Test func casesThatTimeOutOnALiveServerDoNotEndTheCheck() async throws {
        let waitsForNothing = "@protocol imap\nS: * OK {*}\nC: LOGIN ${user} ${password}\nS: OK {*}\n@use main\nS: * 1 EXISTS\n"
        let passes = "@protocol imap\nS: * OK {*}\nC: NOOP\nS: OK {*}\n"
        let scenarios = try (Array(repeating: waitsForNothing, count: 4) + [passes]).enumerated().map { index, text in
            try ScenarioParser { _ in text }.parse(path: "case-\(index).scn")
        }
        let outcome = try await ReferenceTarget.with { reference in
            var options = reference.options
            options.timeouts = Timeouts(connect: .seconds(5), read: .milliseconds(300))
            return await ConformanceCheck(target: reference.target(.imap), options: options, account: reference.account).run(scenarios, probes: [])
        }
        #expect(outcome.results.map(\.status).dropFirst().prefix(5) == [.failed, .failed, .failed, .failed, .passed],
                "\(outcome.results.map { "\($0.file): \($0.reason ?? "")" })")
    }
}
