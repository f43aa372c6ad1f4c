import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import Testing

/// Tags as RFC transcripts write them, replayed against the reference server: a completion
/// written with the command's tag matches it; one written with another tag fails, saying so.
struct WrittenTagsReplayTests {
    private func replay(_ text: String) async throws -> ScenarioResult {
        try await RunningServer.with { server, _ in
            let runner = ScenarioRunner(target: try Target(url: "imap://127.0.0.1:\(server.ports.imap)"))
            return await runner.run(try ScenarioParser { _ in text }.parse(path: "tags.scn"), as: Account(user: "user1", password: "mg-pass-1"))
        }
    }

    /// The opening of RFC 3501 §8 with placeholders for the account and what its INBOX holds.
    @Test func anRFCStyleTranscriptRunsAsWritten() async throws {
        let result = try await replay("""
            @protocol imap
            @tags written
            S:   * OK {*}
            C:   a001 login ${user} ${password}
            S:   a001 OK {*}
            C:   a002 select inbox
            S:   * {exists:number} EXISTS
            S:   * FLAGS ({*})
            S:   * OK [UIDVALIDITY {number}] {*}
            S:   a002 OK [READ-WRITE] {*}
            C:   a006 logout
            S:   * BYE {*}
            S:   a006 OK {*}

            """)
        #expect(result.status == .passed, "\(result.reason ?? "")")
        #expect(result.transcript.contains { $0.direction == .client && $0.text.hasPrefix("a002 select inbox") })
    }

    /// The shipped RFC 3501 §8 transcript, whose a004 literal is printed in S: lines, passes;
    /// one header line changed in those S: lines fails a004 for its literal.
    @Test(arguments: [false, true])
    func literalContentInSLinesIsCompared(changed: Bool) async throws {
        let path = RepositoryFiles.root + "/Scenarios/imap/rfc3501-sample.scn"
        let scenario = try ScenarioParser { file in
            let text = try String(contentsOfFile: file, encoding: .utf8)
            return changed && file == path ? text.replacing("S:   To: imap@cac.washington.edu", with: "S:   To: imap@example.org") : text
        }.parse(path: path)
        let result = try await RunningServer.with { server, _ in
            await ScenarioRunner(target: try Target(url: "imap://127.0.0.1:\(server.ports.imap)"))
                .run(scenario, as: Account(user: "user1", password: "mg-pass-1"))
        }
        #expect(result.status == (changed ? .failed : .passed), "\(result.reason ?? "")")
        if changed {
            let failed = result.steps.first { $0.status == .failed }
            #expect(failed?.command == "a004 fetch 1 body[header]")
            #expect(failed?.mismatch?.message.contains("the content of its literal differs") == true)
        }
    }

    /// Before, `S: a1 OK {*}` was matched as `A1 a1 OK …` and never matched.
    @Test func aCompletionWrittenWithAnExplicitTagMatches() async throws {
        let result = try await replay("@protocol imap\nS: * OK {*}\nC: [a1] NOOP\nS: a1 OK {*}\n")
        #expect(result.status == .passed, "\(result.reason ?? "")")
    }

    @Test func aCompletionWrittenWithAnotherTagFails() async throws {
        let result = try await replay("@protocol imap\n@tags written\nS: * OK {*}\nC: a1 NOOP\nS: a2 OK {*}\n")
        #expect(result.status == .failed)
        #expect(result.reason?.contains("the tagged completion differs") == true, "\(result.reason ?? "")")
    }
}
