import MailGaugeConformance
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeWire
import Testing

/// `@needs` turns an exchange into a precondition: a reply that does not match skips the
/// scenario with what it needed, and only a reply that breaks the grammar still fails it.
/// With it, the POP3 suite says nothing false about an account that holds no mail. `@should`
/// turns it into a recommendation: a reply that does not match warns, and fails only under `--strict`.
struct PreconditionTests {
    private static func pop3(_ body: String) throws -> Scenario {
        try ScenarioParser { _ in "@protocol pop3\nS: +OK{*}\nC: USER ${user}\nS: +OK{*}\nC: PASS ${password}\nS: +OK{*}\n" + body }
            .parse(path: "needs.scn")
    }

    @Test func anUnmetPreconditionSkipsTheScenarioSayingWhatItNeeded() async throws {
        let scenario = try Self.pop3("@needs nine messages\nC: LIST 9\nS: +OK 9 {number}\nC: RETR 9\nS: +OK{*}\nS: {...}\nS: .\n")
        let result = try await ReferenceTarget.with { reference in
            await ScenarioRunner(target: reference.target(.pop3), options: reference.options).run(scenario, as: reference.account)
        }
        #expect(result.status == .skipped, "\(result.reason ?? "")")
        #expect(result.reason?.hasPrefix("needs.scn:8: needs nine messages: ") == true, "\(result.reason ?? "")")
        #expect(result.reason?.contains("-ERR") == true, "the reason shows what came instead: \(result.reason ?? "")")
        #expect(result.steps.last?.status == .unmet)
        #expect(!result.steps.contains { $0.command == "RETR 9" }, "nothing after the precondition runs")
    }

    @Test func aMetPreconditionLetsTheScenarioGoOn() async throws {
        let scenario = try Self.pop3("@needs a message\nC: LIST 1\nS: +OK 1 {size:number}\nC: LIST 1\nS: +OK 1 ${size}\n")
        let result = try await ReferenceTarget.with { reference in
            await ScenarioRunner(target: reference.target(.pop3), options: reference.options).run(scenario, as: reference.account)
        }
        #expect(result.status == .passed, "\(result.reason ?? "")")
        #expect(result.steps.allSatisfy { $0.status == .passed })
    }

    @Test(arguments: [false, true])
    func aMissedRecommendationWarnsAndFailsOnlyWhenStrict(strict: Bool) async throws {
        let scenario = try Self.pop3("@should \"a NOOP should fail\" (RFC 0 §0)\nC: NOOP\nS: -ERR{*}\nC: STAT\nS: +OK{*}\n")
        let result = try await ReferenceTarget.with { reference in
            var options = reference.options
            options.strict = strict
            return await ScenarioRunner(target: reference.target(.pop3), options: options).run(scenario, as: reference.account)
        }
        #expect(result.status == (strict ? .failed : .warned), "\(result.reason ?? "")")
        #expect(result.steps.last?.status == (strict ? .failed : .warned))
        #expect(!result.steps.contains { $0.command == "STAT" }, "nothing after the missed recommendation runs")
        if !strict {
            #expect(result.reason?.hasPrefix("needs.scn:8: SHOULD \"a NOOP should fail\" (RFC 0 §0): ") == true, "\(result.reason ?? "")")
            #expect(result.reason?.contains("(got +OK") == true, "the reason shows what came instead: \(result.reason ?? "")")
        }
    }

    @Test func aFollowedRecommendationPasses() async throws {
        let scenario = try Self.pop3("@should \"NOOP should answer +OK\"\nC: NOOP\nS: +OK{*}\n")
        let result = try await ReferenceTarget.with { reference in
            await ScenarioRunner(target: reference.target(.pop3), options: reference.options).run(scenario, as: reference.account)
        }
        #expect(result.status == .passed, "\(result.reason ?? "")")
    }

    /// Every message gone (DELE and QUIT), the POP3 suite and its probes fail nothing: what
    /// needs mail skips, saying so.
    @Test func thePOP3SuiteFailsNothingOnAnEmptyMaildrop() async throws {
        let suites = [SuiteName.pop3]
        let outcome = try await ReferenceTarget.with { reference in
            let emptying = try Self.pop3((1...5).map { "C: DELE \($0)\nS: +OK{*}\n" }.joined() + "C: QUIT\nS: +OK{*}\n")
            let emptied = await ScenarioRunner(target: reference.target(.pop3), options: reference.options).run(emptying, as: reference.account)
            #expect(emptied.status == .passed, "\(emptied.reason ?? "")")
            return await ConformanceCheck(target: reference.target(.pop3), options: reference.options, account: reference.account)
                .run(try ShippedSuites.scenarios(suites), probes: ShippedSuites.catalog.probes(suites))
        }
        let failed = outcome.results.filter { $0.status == .failed || $0.status == .error }.map { "\($0.file): \($0.reason ?? "")" }
        #expect(failed.isEmpty, "\(failed)")
        let skipped = outcome.results.filter { $0.status == .skipped }.compactMap(\.reason)
        #expect(skipped.contains { $0.contains("needs a message in the maildrop") }, "\(skipped)")
        #expect(skipped.contains { $0.contains("empty maildrop") }, "\(skipped)")
    }
}
