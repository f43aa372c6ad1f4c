import Foundation
import Testing
@testable import MailGaugeScenario

/// `@tags written`: IMAP command lines start with their tag, as RFC transcripts write them
/// (`C: a001 LOGIN …`), and lines may be indented as RFC 3501 and 9051 indent them.
@Suite struct WrittenTagsTests {
    private func parse(_ files: [String: String]) throws(ScenarioError) -> Scenario {
        try ScenarioParser { path in
            guard let text = files[path] else { throw ScenarioError("no such file", at: SourceLocation(file: path, line: 0)) }
            return text
        }.parse(path: "main.scn")
    }

    private func commands(_ scenario: Scenario) -> [String] {
        scenario.steps.compactMap { step in
            guard case .exchange(let exchange) = step, let command = exchange.command else { return nil }
            let text = command.text.segments.map { segment -> String in
                switch segment {
                case .literal(let text): text
                case .variable(let name): "${\(name)}"
                default: "?"
                }
            }.joined()
            return "\(command.tag ?? "-") \(text)"
        }
    }

    @Test func theFirstWordIsTheTagAndIndentationIsDropped() throws {
        let scenario = try parse(["main.scn": """
            @protocol imap
            @tags written
            S:   * OK {*}
            C:   a001 login ${user} ${password}
            S:   a001 OK LOGIN completed
            C: a002 select inbox
            S: a002 OK {*}

            """])
        #expect(commands(scenario) == ["a001 login ${user} ${password}", "a002 select inbox"])
        let expected = scenario.steps.compactMap { if case .exchange(let e) = $0 { e.expected.map(\.source) } else { nil } }
        #expect(expected.first == ["* OK {*}"])
        #expect(expected.dropFirst().first == ["a001 OK LOGIN completed"])
    }

    /// After `S: + …` the next command line of that connection is continuation data: no tag,
    /// whatever happens in between on other connections or in a @sleep.
    @Test func continuationDataHasNoTag() throws {
        let scenario = try parse(["main.scn": """
            @protocol imap
            @tags written
            C: a1 IDLE
            S: + idling
            @sleep 0
            @connect other
            C: b1 NOOP
            S: b1 OK {*}
            @use main
            S: * {n:number} EXISTS
            C: DONE
            S: a1 OK {*}

            """])
        #expect(commands(scenario) == ["a1 IDLE", "b1 NOOP", "- DONE"])
    }

    @Test func includedFragmentsKeepAutomaticTags() throws {
        let scenario = try parse([
            "main.scn": "@protocol imap\n@tags written\n@include login.inc\nC: a9 NOOP\nS: a9 OK {*}\n",
            "login.inc": "C: LOGIN ${user} ${password}\nS: OK {*}\n",
        ])
        #expect(commands(scenario) == ["- LOGIN ${user} ${password}", "a9 NOOP"])
    }

    /// The file's first line sets its margin; a content line keeps the spaces beyond it (a
    /// folded header line starts with one). RFC 1939 §10 indents by four.
    @Test(arguments: [
        ("C:    RETR 1\nS:    +OK\nS:     folded\nS:    .\n", " folded"),
        ("C: RETR 1\nS: +OK\nS:  folded\nS: .\n", " folded"),
        ("C:RETR 1\nS:+OK\nS: folded\nS:.\n", "folded"),
    ])
    func contentKeepsTheSpacesBeyondTheMargin(lines: String, content: String) throws {
        let scenario = try parse(["main.scn": "@protocol pop3\n" + lines])
        #expect(commands(scenario) == ["- RETR 1"])
        let expected = scenario.steps.compactMap { if case .exchange(let e) = $0 { e.expected.map(\.source) } else { nil } }
        #expect(expected.last == ["+OK", content, "."])
    }

    /// RFC 3501 §8 prints a literal's content as S: lines, ended by the `)` after the literal.
    private static let literalInSLines = """
        @protocol imap
        @tags written
        S: * OK {*}
        C: a004 fetch 1 body[header]
        S: * 1 FETCH (BODY[HEADER] {21}
        S: Subject: minutes
        S:
        S: )
        S: a004 OK FETCH completed

        """

    @Test func aLiteralsContentWrittenInSLinesIsItsLiteral() throws {
        let scenario = try parse(["main.scn": Self.literalInSLines])
        let fetch = scenario.steps.compactMap { if case .exchange(let e) = $0, e.command != nil { e } else { nil } }.first
        #expect(fetch?.expected.map(\.source) == ["* 1 FETCH (BODY[HEADER] {21}", "a004 OK FETCH completed"])
        #expect(fetch?.expected.first?.literal.map(\.source) == ["Subject: minutes", ""])
    }

    @Test(arguments: [
        ("S: )\n", "C: a005 logout\n", "main.scn:8: the content of the literal announced at line 5 is written in 'S:' lines, which end with an 'S: )' line"),
        ("S: )\n", "@finally\n", "main.scn:8: the content of the literal announced at line 5"),
        ("S: )\nS: a004 OK FETCH completed\n", "", "main.scn:5: the content of the literal this line announces, written in 'S:' lines, has no 'S: )' line to end it"),
    ])
    func aLiteralInSLinesMustEndWithItsParenthesis(removed: String, inserted: String, message: String) {
        let text = Self.literalInSLines.replacingOccurrences(of: removed, with: inserted)
        let error = #expect(throws: ScenarioError.self) { try parse(["main.scn": text]) }
        #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "")")
    }

    @Test func lLinesStillGiveTheContentUnderWrittenTags() throws {
        let text = Self.literalInSLines.replacingOccurrences(of: "S: Subject: minutes\nS:\nS: )\n", with: "L: Subject: minutes\nL: \n")
        let scenario = try parse(["main.scn": text])
        let fetch = scenario.steps.compactMap { if case .exchange(let e) = $0, e.command != nil { e } else { nil } }.first
        #expect(fetch?.expected.first?.literal.map(\.source) == ["Subject: minutes", ""])
    }
}
