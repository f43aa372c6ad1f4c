import MailGaugeClient
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import MailGaugeWire
import Testing

/// GNU Mailutils 3.15 (Debian 12) departs from the RFCs in ways a conformance check exists to
/// find. Each conformance case here fails against it on the reply that shows the departure,
/// and the cases it gets right pass, so `check` is seen to tell the two apart on a real server.
@Suite(.enabled("needs the private GNU Mailutils of Scripts/test-server (root, Debian packages)") { await PrivateServer.mailutils.shouldRun })
struct MailutilsDeviationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        /// Under Scenarios/conformance.
        var file: String
        /// An account of its own, reset first, so cases run in parallel.
        var user: String
        /// What the server sent instead of what the RFC asks for.
        var reply: String
        /// The grammar rule the reply breaks, when it breaks one.
        var rule: String? = nil
        /// `.warned` where the RFC only recommends what the reply does not do (`@should`).
        var verdict = ScenarioResult.Status.failed

        var mailProtocol: MailProtocol { file.hasPrefix("pop3/") ? .pop3 : .imap }
        var testDescription: String { file }
    }

    static let deviations = [
        // RFC 1939 §5: DELE of a message already marked as deleted gets -ERR.
        Case(file: "pop3/dele-twice.scn", user: "user1", reply: "+OK Message 1 marked"),
        // RFC 9051 §6.3.4: creating INBOX, or a name that exists, is an error: NO, not BAD.
        Case(file: "imap/create-existing.scn", user: "user2", reply: "BAD CREATE Already exist"),
        // RFC 9051 §9 resp-text: the response code comes first, or clients never see TRYCREATE.
        Case(file: "imap/append-missing-mailbox.scn", user: "user3", reply: "NO APPEND [TRYCREATE] failed"),
        // RFC 9051 §9 seq-number: a number beyond the last message "should" get BAD; Mailutils says OK.
        Case(file: "imap/fetch-missing-message.scn", user: "user4", reply: "OK FETCH Completed", verdict: .warned),
        // RFC 2971 §3.1: ID is answered with an untagged ID response.
        Case(file: "imap/id.scn", user: "user5", reply: "OK ID Completed"),
        // RFC 9051 §7.5.1: the response is EXPUNGE.
        Case(file: "imap/expunge.scn", user: "user6", reply: "* 2 EXPUNGED", rule: "message-data"),
    ]

    static let conforming = [
        Case(file: "pop3/uidl.scn", user: "user7", reply: ""),
        Case(file: "imap/fetch-envelope.scn", user: "user8", reply: ""),
    ]

    @Test(arguments: deviations)
    func checkFailsTheCaseOnTheDeviatingReply(_ deviation: Case) async throws {
        let result = try await run(deviation)
        #expect(result.status == deviation.verdict, "\(result.reason ?? "")")
        let failed = result.steps.filter { $0.status == (deviation.verdict == .warned ? .warned : .failed) }
        let replies = failed.flatMap(\.actual)
        #expect(replies.contains { $0.contains(deviation.reply) }, "failed steps' replies: \(replies)")
        if let rule = deviation.rule {
            #expect(failed.flatMap(\.findings).contains { $0.rule == rule && $0.severity == .violation })
        }
    }

    @Test(arguments: conforming)
    func casesItGetsRightPass(_ conforming: Case) async throws {
        let result = try await run(conforming)
        #expect(result.status == .passed, "\(result.reason ?? "")")
    }

    /// Mailutils never reports the other session's APPEND during IDLE, which RFC 2177 does not
    /// require it to do promptly: the case is skipped at the IDLE, saying what it needed; its
    /// cleanup ends the IDLE (or, when DONE gets no answer either, closes that connection) and
    /// goes on, on a new connection, to delete the case's own mailbox.
    @Test func idleCaseIsSkippedAndItsCleanupStillRuns() async throws {
        let result = try await run(Case(file: "imap/idle.scn", user: "user9", reply: ""), readTimeout: .seconds(2))
        #expect(result.status == .skipped)
        #expect(result.reason?.contains("imap/idle.scn:20: needs an IDLE update within the read timeout: 127.0.0.1:") == true,
                "\(result.reason ?? "")")
        let main = result.transcript.filter { $0.connection == "main" }.map(\.text)
        #expect(main.contains("DONE"))
        let cleanup = result.transcript.filter { $0.connection == "cleanup" && $0.direction == .client }.map(\.text)
        #expect(cleanup.contains { $0.contains(" DELETE MailGauge-") }, "\(cleanup)")
        #expect(result.steps.contains { $0.command?.contains(" DELETE MailGauge-") == true && $0.status == .passed }, "the case's mailbox was not deleted")
    }

    private func run(_ testCase: Case, readTimeout: Duration = .seconds(30)) async throws -> ScenarioResult {
        let environment = try await PrivateServer.mailutils.environment()
        try await PrivateServer.mailutils.reset(testCase.user)
        let port = testCase.mailProtocol == .pop3 ? environment.pop3Port : environment.imapPort
        let runner = ScenarioRunner(target: try Target(url: "\(testCase.mailProtocol.rawValue)://127.0.0.1:\(port)"),
                                    options: RunnerOptions(tls: TLSOptions(caFile: environment.caFile),
                                                           timeouts: Timeouts(read: readTimeout)))
        let parser = ScenarioParser { try String(contentsOfFile: $0, encoding: .utf8) }
        let scenario = try parser.parse(path: PackagePaths.file("Scenarios/conformance/" + testCase.file))
        let result = await runner.run(scenario, as: Account(user: testCase.user, password: environment.password(of: testCase.user)))
        try await PrivateServer.mailutils.reset(testCase.user)
        return result
    }
}
