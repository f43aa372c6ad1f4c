import Testing
import MailGaugeWire

struct IMAPResponseParserTests {
    static let wellFormed = IMAPDovecotFixtures.greetings + IMAPDovecotFixtures.statusResponses + IMAPDovecotFixtures.continuations
        + IMAPDovecotFixtures.mailboxData + IMAPDovecotFixtures.fetches

    @Test(arguments: wellFormed)
    func dovecotResponsesParseWithoutFindings(_ fixture: IMAPParserFixture) {
        let records = imapDecodeAll(fixture)
        #expect(records.count == 1)
        #expect(records.first?.response == fixture.expected)
        #expect(records.first?.findings == [])
        #expect(records.first?.frame == fixture.wire)
    }

    @Test(arguments: IMAPLenientFixtures.all)
    func leniencyIsAcceptedWithWarnings(_ fixture: IMAPParserFixture) {
        let records = imapDecodeAll(fixture)
        #expect(records.first?.response == fixture.expected)
        #expect(records.first?.findings.map(\.rule) == fixture.findings)
        #expect(records.first?.findings.allSatisfy { $0.severity == .warning } == true)
    }

    @Test(arguments: IMAPLenientFixtures.violationsReadPast)
    func violationsThatDoNotStopParsing(_ fixture: IMAPParserFixture) {
        let records = imapDecodeAll(fixture)
        #expect(records.first?.response == fixture.expected)
        #expect(records.first?.findings.map(\.rule) == fixture.findings)
        #expect(records.first?.findings.allSatisfy { $0.severity == .violation } == true)
    }

    @Test func accessorsExposeWhatScenariosCheck() throws {
        let parser = IMAPResponseParser()
        guard case .response(let greeting, _) = parser.parse(IMAPDovecotFixtures.greetings[0].wire, expecting: .greeting) else {
            Issue.record("greeting did not parse")
            return
        }
        #expect(greeting.kind == "GREETING")
        #expect(greeting.status == .ok)
        #expect(greeting.responseCode?.name == "CAPABILITY")
        #expect(greeting.capabilities == IMAPDovecotFixtures.capabilities)

        guard case .response(let tagged, _) = parser.parse(Array("a9 NO [NONEXISTENT] gone\r\n".utf8)) else { return }
        #expect(tagged.tag == "a9")
        #expect(tagged.status == .no)
        #expect(tagged.responseCode?.name == "NONEXISTENT")

        guard case .response(let fetch, _) = parser.parse(Array("* 12 FETCH (FLAGS () UID 7)\r\n".utf8)) else { return }
        #expect(fetch.kind == "FETCH")
        if case .untagged(let data) = fetch {
            #expect(data.number == 12)
            #expect(data.uid == 7)
        }

        guard case .response(let validity, _) = parser.parse(Array("* OK [UIDVALIDITY 42] x\r\n".utf8)) else { return }
        #expect(validity.kind == "OK")
        #expect(validity.responseCode == .uidValidity(42))
        #expect(validity.responseCode?.number == 42)
        #expect(IMAPResponseCode.copyUID(uidValidity: 9, source: IMAPSequenceSet([1...1]), destination: IMAPSequenceSet([2...2])).number == 9)
    }

    @Test(arguments: [
        "* 1 FETCH (BODYSTRUCTURE " + String(repeating: "(", count: 100_000) + ")\r\n",
        "* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1 NIL NIL NIL NIL " + String(repeating: "(", count: 100_000) + "))\r\n",
        "* LIST () \"/\" x (\"X\" " + String(repeating: "(", count: 100_000) + ")\r\n",
    ])
    func hostileNestingHitsTheDepthGuard(_ wire: String) {
        guard case .invalid(let findings) = IMAPResponseParser().parse(Array(wire.utf8)) else {
            Issue.record("expected a violation")
            return
        }
        #expect(findings.last?.rule == "recursion-depth")
    }

    @Test func truncatedFrameIsIncomplete() {
        #expect(IMAPResponseParser().parse(Array("* 1 FETCH (BODY[] {10}\r\nabc".utf8)) == .incomplete)
        #expect(IMAPResponseParser().parse(Array("* 1 FETCH (UID 1".utf8)) == .incomplete)
    }

    @Test func greetingMustBeOKPreauthOrBye() {
        let result = IMAPResponseParser().parse(Array("* NO go away\r\n".utf8), expecting: .greeting)
        guard case .invalid(let findings) = result else {
            Issue.record("expected a violation, got \(result)")
            return
        }
        #expect(findings.last?.rule == "greeting")
    }
}
