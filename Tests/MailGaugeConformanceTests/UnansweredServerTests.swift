import MailGaugeClient
import MailGaugeConformance
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeWire
import Testing

/// A server that stops answering ends the check after a few cases, the rest recorded as not
/// run with the reason; a server that still answers, though some cases time out, is checked to
/// the end.
struct UnansweredServerTests {
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
