@testable import MailGaugeClient
import MailGaugeScenario
import MailGaugeWire
import Testing
@testable import MailGaugeRunner

/// How IMAP responses are matched against `S:`, `S?:`, `S!:` and `L:` lines.
@Suite struct IMAPReplyMatcherTests {
    private func expectations(_ text: String) throws -> [ExpectedLine] {
        let scenario = try ScenarioParser { _ in "@protocol imap\nS: * OK {*}\nC: FETCH 1 BODY[]\n" + text }.parse(path: "m.scn")
        guard case .exchange(let exchange) = scenario.steps.last else { return [] }
        return exchange.expected
    }

    private func received(_ wire: String) -> [IMAPReceived] {
        var decoder = IMAPResponseDecoder(expectsGreeting: false)
        decoder.append(Array(wire.utf8))
        var responses: [IMAPReceived] = []
        while let next = decoder.next() { responses.append(IMAPReceived(response: next.response, frame: next.frame, findings: next.findings)) }
        return responses
    }

    private let fetch = "* 2 EXISTS\r\n* 1 FETCH (BODY[] {12}\r\nSubject: x\r\n)\r\nA1 OK done\r\n"

    @Test func untaggedLinesMatchInAnyOrderAndLiteralsByContent() throws {
        let expected = try expectations("S: * 1 FETCH (BODY[] \\{{n:number}\\}\nL: Subject: {subject:*}\nS: * {count:number} EXISTS\nS: OK {*}\n")
        let verdict = try IMAPReplyMatcher.compare(expected, with: received(fetch), tag: "A1", Bindings())
        #expect(verdict.mismatch == nil)
        #expect(verdict.captures == ["n": "12", "subject": "x", "count": "2"])
    }

    @Test func aDifferingLiteralIsNamedAsSuch() throws {
        let expected = try expectations("S: * 1 FETCH (BODY[] {12}\nL: Subject: y\nS: OK {*}\n")
        let verdict = try IMAPReplyMatcher.compare(expected, with: received(fetch), tag: "A1", Bindings())
        #expect(verdict.mismatch?.message.contains("content of its literal differs") == true)
        #expect(verdict.mismatch?.actualLine == 1)
    }

    @Test func forbiddenAndOptionalLines() throws {
        let forbidden = try expectations("S!: * {number} EXISTS\nS: OK {*}\n")
        #expect(try IMAPReplyMatcher.compare(forbidden, with: received(fetch), tag: "A1", Bindings()).mismatch?.message == "a response the scenario forbids arrived")
        let optional = try expectations("S?: * {n:number} RECENT\nS: OK {*}\n")
        #expect(try IMAPReplyMatcher.compare(optional, with: received(fetch), tag: "A1", Bindings()).mismatch == nil)
    }

    @Test func theCompletionIsMatchedAfterItsTag() throws {
        let wrong = try expectations("S: NO {*}\n")
        #expect(try IMAPReplyMatcher.compare(wrong, with: received(fetch), tag: "A1", Bindings()).mismatch?.message == "the tagged completion differs")
        let whole = try expectations("S: ${tag} OK done\n")
        var bindings = Bindings()
        bindings.set("tag", to: "A1")
        #expect(try IMAPReplyMatcher.compare(whole, with: received(fetch), tag: "A1", bindings).mismatch == nil)
    }
}
