import Testing
@testable import MailGaugeScenario

private func match(_ pattern: String, _ line: String, _ bindings: Bindings = Bindings()) throws -> [String: String]? {
    try LinePattern(Substring(pattern), at: here).match(Array(line.utf8), bindings)
}

@Suite struct LinePatternTests {
    /// Wildcards that could split a long line many ways: a longest-first backtracking search
    /// tries them all before failing (about 20,000⁵ splits here); matching is linear instead.
    @Test(.timeLimit(.minutes(1))) func manyWildcardsOnALongLineFailFast() throws {
        let line = String(repeating: "a", count: 20_000)
        #expect(try match("{*}a{*}a{*}a{*}a{*}a{*}b", line) == nil)
        #expect(try match("{x:*}a{y:*}a{z:*}", line) == ["x": String(repeating: "a", count: 19_998), "y": "", "z": ""])
        #expect(try match("{n:number} {a:atom} {*}", "12 " + line + " " + line)?["a"] == line)
    }

    /// Longest first, left to right, as the scenario language promises.
    @Test func capturesTakeTheLongestTextThatLetsTheRestMatch() throws {
        #expect(try match("{x:*}-{y:*}", "a-b-c") == ["x": "a-b", "y": "c"])
        #expect(try match("{x:atom}{y:number}", "ab12") == ["x": "ab1", "y": "2"])
        #expect(try match("\"{v:atom}\" {*}", "\"a b\" c") == nil)
    }
    @Test(arguments: [
        ("+OK", "+OK", true),
        ("+OK", "+OK ", false),
        ("+OK {*}", "+OK Dovecot ready.", true),
        ("+OK {*}", "+OK ", true),
        ("+OK {*}", "-ERR no", false),
        ("+OK {number} {number}", "+OK 2 320", true),
        ("+OK {number} {number}", "+OK 2 3x0", false),
        ("+OK {number}", "+OK ", false),
        ("{atom} {atom}", "a b", true),
        ("{atom}", "a b", false),
        ("{*} ready.", "+OK Dovecot ready.", true),
        ("* 1 FETCH (BODY[] {342}", "* 1 FETCH (BODY[] {342}", true),
        ("brace \\{x\\} and \\$", "brace {x} and $", true),
        ("FLAGS (\\Seen \\\\)", "FLAGS (\\Seen \\)", true),
        ("{*}{*}end", "the end", true),
    ])
    func matchesWholeLines(pattern: String, line: String, matches: Bool) throws {
        #expect((try match(pattern, line) != nil) == matches)
    }

    @Test func capturesNamedParts() throws {
        let captures = try match("+OK {count:number} {size:number} {rest:*}", "+OK 12 4096 octets here")
        #expect(captures == ["count": "12", "size": "4096", "rest": "octets here"])
    }

    @Test func variablesMatchTheirValueLiterally() throws {
        var bindings = Bindings()
        bindings.set("uid", to: "a.b*")
        #expect(try match("+OK 1 ${uid}", "+OK 1 a.b*", bindings) != nil)
        #expect(try match("+OK 1 ${uid}", "+OK 1 a.bc", bindings) == nil)
    }

    @Test func anUnboundVariableIsReported() {
        #expect(throws: UndefinedVariable(name: "gone")) { try match("${gone}", "x") }
    }

    @Test func templatesRenderAndMaskSecrets() throws {
        let template = try Template("PASS ${password}", at: here)
        var bindings = Bindings()
        bindings.set("password", to: "hunter2", secret: true)
        #expect(try template.render(bindings) == "PASS hunter2")
        #expect(try template.render(bindings.masked) == "PASS \(Bindings.mask)")
        #expect(bindings.secretValues == ["hunter2"])
        #expect(template.verb == "PASS")
    }

    @Test func commandsKeepBracesAsWritten() throws {
        let template = try Template("APPEND INBOX {5}", at: here)
        #expect(try template.render(Bindings()) == "APPEND INBOX {5}")
    }
}

/// IMAP sends an astring as an atom, a quoted string or a literal (RFC 9051 §4.3): `matchIMAP`
/// matches `${name}` in any form of its value, escapes included; `match` compares the bytes.
@Suite struct QuotedValueTests {
    @Test func aVariableMatchesItsValueQuotedOrNot() throws {
        let line = try LinePattern(#"* LIST () "/" ${box}"#, at: here)
        let bindings = Bindings(["box": #"a"b\c"#])
        #expect(try line.matchIMAP(Array("* LIST () \"/\" {5}\r\na\"b\\c".utf8), bindings) != nil)
        #expect(try line.matchIMAP(Array(#"* LIST () "/" "a\"b\\c""#.utf8), bindings) != nil)
        #expect(try line.matchIMAP(Array(#"* LIST () "/" "a"b\c""#.utf8), bindings) == nil, "unescaped quotes are not the value")
        #expect(try line.match(Array(#"* LIST () "/" "a\"b\\c""#.utf8), bindings) == nil, "POP3 and other lines compare bytes")
    }
}

@Suite struct AlternativesTests {
    @Test(arguments: [("{+OK|-ERR} {*}", "-ERR no"), ("{+OK|-ERR} {*}", "+OK yes")])
    func matchOneOfTheirTexts(pattern: String, line: String) throws {
        #expect(try LinePattern(Substring(pattern), at: SourceLocation(file: "t.scn", line: 1)).match(Array(line.utf8), Bindings()) != nil)
    }

    @Test func anEmptyAlternativeIsAnError() {
        #expect(throws: ScenarioError.self) { try LinePattern("{NO|}", at: SourceLocation(file: "t.scn", line: 1)) }
    }
}
