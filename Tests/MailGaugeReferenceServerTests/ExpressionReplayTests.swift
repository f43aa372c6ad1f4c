import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario
import Testing

/// Expressions and bounds against the reference server: they pass where the server keeps the
/// rule they state, and fail on the line that states it where a fault breaks it.
struct ExpressionReplayTests {
    private func replay(_ text: String, faults: Set<Fault> = []) async throws -> ScenarioResult {
        try await RunningServer.with(.init(faults: faults, threads: 1)) { server, _ in
            let mailProtocol = text.hasPrefix("@protocol pop3") ? "pop3" : "imap"
            let port = mailProtocol == "pop3" ? server.ports.pop3 : server.ports.imap
            let runner = ScenarioRunner(target: try Target(url: "\(mailProtocol)://127.0.0.1:\(port)"))
            return await runner.run(try ScenarioParser { _ in text }.parse(path: "expr.scn"), as: Account(user: "user1", password: "mg-pass-1"))
        }
    }

    /// Six lines: logged in as the replay's account.
    static let pop3LoggedIn = "@protocol pop3\nS: +OK{*}\nC: USER ${user}\nS: +OK{*}\nC: PASS ${password}\nS: +OK{*}\n"
    /// Seven lines: logged in, INBOX examined, its message count in `${exists}`.
    static let imapExamined = "@protocol imap\nS: * OK {*}\nC: LOGIN ${user} ${password}\nS: OK {*}\nC: EXAMINE INBOX\nS: * {exists:number} EXISTS\nS: OK {*}\n"

    /// RFC 1939 §6: DELE marks, only QUIT deletes. STAT counts one fewer after DELE, and all
    /// again on a new connection after the first dropped without QUIT.
    static let deleWithoutQuit = pop3LoggedIn + """
        C: STAT
        S: +OK {count:number} {*}
        C: DELE 1
        S: +OK{*}
        C: STAT
        S: +OK ${count - 1} {*}
        @connect
        S: +OK{*}
        C: USER ${user}
        S: +OK{*}
        C: PASS ${password}
        S: +OK{*}
        C: STAT
        S: +OK ${count} {*}
        C: QUIT
        S: +OK{*}

        """

    @Test func arithmeticOnACaptureHoldsOnACorrectServer() async throws {
        let result = try await replay(Self.deleWithoutQuit)
        #expect(result.status == .passed, "\(result.reason ?? "")")
    }

    @Test func theStepThatStatesTheRuleFailsUnderTheFault() async throws {
        let result = try await replay(Self.deleWithoutQuit, faults: [.deleteWithoutQuit])
        #expect(result.status == .failed)
        #expect(result.steps.first { $0.status == .failed }?.location == "expr.scn:19", "\(result.steps.map { "\($0.location) \($0.status)" })")
    }

    /// RFC 9051 §2.3.1.1: the next UID is greater than every UID assigned so far.
    static let uidNextAboveTheLastUID = imapExamined + """
        C: FETCH ${exists} (UID)
        S: * ${exists} FETCH (UID {last:number})
        S: OK {*}
        C: CLOSE
        S: OK {*}
        C: STATUS INBOX (UIDNEXT)
        S: * STATUS INBOX (UIDNEXT {next:number > ${last}})
        S: OK {*}

        """

    @Test(arguments: [false, true])
    func aBoundHoldsOrFailsItsLine(underFault: Bool) async throws {
        let result = try await replay(Self.uidNextAboveTheLastUID, faults: underFault ? [.uidNextTooLow] : [])
        #expect(result.status == (underFault ? .failed : .passed), "\(result.reason ?? "")")
        if underFault { #expect(result.steps.last?.location == "expr.scn:13") }
    }

    /// A bounded S!: forbids only the responses its bound picks out.
    @Test(arguments: [("> ${exists}", ScenarioResult.Status.passed), ("<= ${exists}", .failed)])
    func aBoundedForbiddenResponseForbidsOnlyThoseNumbers(bound: String, status: ScenarioResult.Status) async throws {
        let result = try await replay(Self.imapExamined + """
            C: FETCH 1:* (FLAGS)
            S!: * {k:number \(bound)} FETCH {*}
            S: OK {*}

            """)
        #expect(result.status == status, "\(result.reason ?? "")")
    }

    /// A counted line stands for one FETCH per message, each once; a range one too long names
    /// the number nothing answered for.
    @Test(arguments: [("${exists}", nil), ("${exists + 1}", "none for")])
    func aCountedLineWantsOneResponsePerNumber(upper: String, failure: String?) async throws {
        let result = try await replay(Self.imapExamined + """
            C: FETCH 1:* (FLAGS)
            S: * {k:number in 1..\(upper)} FETCH (FLAGS ({*}))
            S: OK {*}

            """)
        if let failure {
            #expect(result.status == .failed)
            #expect(result.reason?.contains("stands for one response per number of 1..") == true, "\(result.reason ?? "")")
            #expect(result.reason?.contains(failure) == true, "\(result.reason ?? "")")
        } else {
            #expect(result.status == .passed, "\(result.reason ?? "")")
        }
    }

    /// RFC 1939 §5: LIST gives "the exact size of the message in octets"; RETR's content, each
    /// line with its CRLF, is what `{...:octets}` counts, and `@assert` compares the two.
    static let retrDeliversWhatListAnnounced = pop3LoggedIn + """
        C: LIST 1
        S: +OK 1 {size:number}
        C: RETR 1
        S: +OK{*}
        S: {...:octets}
        S: .
        @assert ${octets} = ${size}
        C: QUIT
        S: +OK{*}

        """

    @Test(arguments: [false, true])
    func anAssertionComparesTheOctetsWithTheSize(underFault: Bool) async throws {
        let result = try await replay(Self.retrDeliversWhatListAnnounced, faults: underFault ? [.listSizeMismatch] : [])
        #expect(result.status == (underFault ? .failed : .passed), "\(result.reason ?? "")")
        let check = result.steps.first { $0.command?.hasPrefix("check: @assert") == true }
        #expect(check?.location == "expr.scn:13")
        #expect(check?.status == (underFault ? .failed : .passed))
        if underFault { #expect(result.reason?.contains("does not hold") == true, "\(result.reason ?? "")") }
    }
}
