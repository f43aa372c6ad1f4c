import MailGaugeWire
import Testing
@testable import MailGaugeScenario

/// Parses in-memory files, so each case states its whole input.
private func parse(_ files: [String: String], main: String = "main.scn", limits: ScenarioParser.Limits = .init()) throws(ScenarioError) -> Scenario {
    try ScenarioParser(limits: limits) { path in
        guard let text = files[path] else { throw MissingFile(path: path) }
        return text
    }.parse(path: main)
}

private struct MissingFile: Error, CustomStringConvertible {
    var path: String
    var description: String { "no such file" }
}

private func exchanges(_ scenario: Scenario) -> [Exchange] {
    scenario.steps.compactMap { if case .exchange(let exchange) = $0 { exchange } else { nil } }
}

@Suite struct ScenarioParserTests {
    @Test func parsesHeaderGreetingAndExchanges() throws {
        let scenario = try parse(["main.scn": """
            # a comment
            @protocol pop3
            @title Login and STAT
            @rfc RFC 1939 §5
            @requires user top

            S: +OK {*}
            C: USER ${user}
            S: +OK {*}
            C: STAT
            S: +OK {count:number} {size:number}
            C: RETR ${count}
            S: +OK {*}
            S: Subject: {*}
            S: {...}
            S: .
            """])
        #expect(scenario.mailProtocol == .pop3)
        #expect(scenario.title == "Login and STAT")
        #expect(scenario.references == ["RFC 1939 §5"])
        #expect(scenario.requirements == ["USER", "TOP"])
        #expect(scenario.connectionNames == ["main"])
        let all = exchanges(scenario)
        #expect(all.count == 4)
        #expect(all[0].command == nil)
        #expect(all[1].command?.verb == "USER")
        #expect(all[2].expected.count == 1)
        #expect(all[3].expected.count == 4)
        #expect(all[3].expected[2] == ExpectedLine(.anyLines(octetsInto: nil), at: SourceLocation(file: "main.scn", line: 15)))
        #expect(all[3].location == SourceLocation(file: "main.scn", line: 12))
    }

    @Test func includesAreInlinedWithTheirOwnLocations() throws {
        let scenario = try parse([
            "dir/main.scn": "@protocol pop3\n@include fragments/login.inc\nC: QUIT\nS: +OK {*}\n",
            "dir/fragments/login.inc": "S: +OK {*}\nC: USER ${user}\nS: +OK {*}\n",
        ], main: "dir/main.scn")
        let all = exchanges(scenario)
        #expect(all.map { $0.command?.verb } == [nil, "USER", "QUIT"])
        #expect(all[1].location == SourceLocation(file: "dir/fragments/login.inc", line: 2))
        #expect(all[2].location == SourceLocation(file: "dir/main.scn", line: 3))
    }

    /// `@literal` sends a file as the literal: its lines, each a template with its own place,
    /// and no empty line for the newline that ends the file.
    @Test func literalFileIsTheCommandLiteral() throws {
        let scenario = try parse([
            "dir/main.scn": "@protocol imap\nS: * OK {*}\nC: APPEND ${box} {*}\n@literal fixtures/note.eml\nS: OK {*}\n",
            "dir/fixtures/note.eml": "Subject: note ${run}\n\nhello\n",
        ], main: "dir/main.scn")
        let append = try #require(exchanges(scenario).last?.command)
        let lines = try #require(append.literals.first?.lines)
        #expect(lines.map(\.location) == (1...3).map { SourceLocation(file: "dir/fixtures/note.eml", line: $0) })
        #expect(lines[0].segments.contains(.variable("run")))
        #expect(lines[1].segments.isEmpty && lines[2].segments == [.literal("hello")])
    }

    @Test(arguments: [
        ("@protocol imap\nC: NOOP\n@literal note.eml\n", "main.scn", 3, "@literal gives a command literal's content"),
        ("@protocol imap\nC: APPEND INBOX {*}\n@literal gone.eml\n", "main.scn", 3, "cannot read the literal 'gone.eml'"),
        ("@protocol imap\nC: APPEND INBOX {*}\n@literal note.eml\n", "note.eml", 2, "'${nowhere}' is not defined here"),
    ])
    func literalFileErrorsNameTheirPlace(text: String, file: String, line: Int, message: String) {
        do {
            _ = try parse(["main.scn": text, "note.eml": "Subject: x\n${nowhere}\n"])
            Issue.record("expected an error for \(text.debugDescription)")
        } catch {
            #expect(error.location == SourceLocation(file: file, line: line))
            #expect(error.message.hasPrefix(message), "got: \(error.message)")
        }
    }

    /// A scenario too big or nested too deep is one error at the place that went over the limit.
    @Test func limitsAreOneErrorEach() throws {
        var limits = ScenarioParser.Limits()
        (limits.fileBytes, limits.totalLines, limits.includeDepth) = (64, 20, 2)
        let files = ["main.scn": "@protocol pop3\n@include a.inc\nC: NOOP\nS: +OK\n", "a.inc": "@include b.inc\n", "b.inc": "@include c.inc\n",
                     "c.inc": "# deep\n", "big.scn": "@protocol pop3\n# " + String(repeating: "x", count: 64) + "\n",
                     "long.scn": "@protocol pop3\n" + String(repeating: "#\n", count: 20)]
        for (main, location, message) in [("main.scn", "b.inc:1", "includes nest deeper than 2 files"),
                                          ("big.scn", "big.scn:1", "cannot read scenario: big.scn is 82 bytes, over the limit of 64"),
                                          ("long.scn", "long.scn:1", "the scenario has more than 20 lines with its includes")] {
            #expect(throws: ScenarioError.self) { try parse(files, main: main, limits: limits) }
            do {
                _ = try parse(files, main: main, limits: limits)
            } catch {
                #expect(error.description == "\(location): \(message)")
            }
        }
    }

    @Test func needsAndShouldBindTheNextExchangeOnly() throws {
        let all = exchanges(try parse(["main.scn": "@protocol pop3\nS: +OK\n@needs a message\nC: LIST 1\nS: +OK 1 {number}\n"
                                       + "@should RFC 1939 §5: \"may\"\nC: NOOP\nS: +OK\nC: QUIT\nS: +OK\n"]))
        #expect(all.map(\.obligation) == [.must, .precondition("a message"), .should("RFC 1939 §5: \"may\""), .must])
    }

    /// `@seeded NAME` names the fixtures a case reads and defines the variables the run binds
    /// to their copies; without it the same variables are undefined, so a case cannot use
    /// seeded content without being skipped where there is none.
    @Test func seededNamesTheFixturesAndDefinesTheirVariables() throws {
        let scenario = try parse(["main.scn": "@protocol pop3\n@seeded dots plain dots\nC: RETR ${seed_dots}\nS: +OK ${seed_plain_size} ${seed_dots_uidl} ${seed_run}\n"])
        #expect(scenario.seeds == ["dots", "plain"])
        do {
            _ = try parse(["main.scn": "@protocol pop3\nC: RETR ${seed_dots}\nS: +OK\n"])
            Issue.record("${seed_dots} without @seeded must not parse")
        } catch {
            #expect(error.message.hasPrefix("'${seed_dots}' is not defined here"), "got: \(error.message)")
        }
    }

    @Test func connectAndUseOpenNamedConnections() throws {
        let scenario = try parse(["main.scn": """
            @protocol pop3
            S: +OK {*}
            C: QUIT
            S: +OK {*}
            @connect second
            S: +OK {*}
            @use main
            C: NOOP
            S: +OK
            """])
        #expect(scenario.connectionNames == ["main", "second"])
    }

    @Test func setDefinesAVariable() throws {
        let scenario = try parse(["main.scn": "@protocol pop3\n@set msg 2\nC: RETR ${msg}\nS: +OK {*}\n"])
        guard case .set(let name, let value, _) = scenario.steps[0] else {
            Issue.record("expected @set first, got \(scenario.steps[0])")
            return
        }
        #expect(name == "msg" && value == "2")
    }

    /// Every malformed input names its file and line and what is wrong.
    @Test(arguments: [
        ("C: NOOP\n", 1, "'@protocol pop3' or '@protocol imap' must come before the first exchange"),
        ("@protocol smtp\n", 1, "unknown protocol 'smtp': use pop3 or imap"),
        ("@protocol pop3\n@protocol pop3\n", 2, "@protocol is given twice"),
        ("@protocol pop3\nX: hello\n", 2, "expected 'C:', 'S:', an @directive or a # comment, found 'X: hello'"),
        ("@protocol pop3\nC: RETR ${count}\n", 2, "'${count}' is not defined here"),
        ("@protocol pop3\nC: NOOP\nS: +OK {num}\n", 3, "unknown pattern '{num}'"),
        ("@protocol pop3\nC: NOOP\nS: +OK {*\n", 3, "'{' is not closed by '}'"),
        ("@protocol pop3\nC: RETR 1\nS: +OK\nS: body\n", 4, "a multi-line reply must end with the terminator line 'S: .'"),
        ("@protocol pop3\nC: NOOP\nS: +OK\n@title late\n", 4, "@title must come before the first exchange"),
        ("@protocol pop3\n@use other\n", 2, "no connection named 'other' was opened with @connect"),
        ("@protocol pop3\n@frobnicate\n", 2, "unknown directive '@frobnicate'"),
        ("@protocol pop3\n@include missing.inc\n", 2, "cannot include 'missing.inc': no such file"),
        ("@protocol pop3\n@include main.scn\n", 2, "include cycle: main.scn -> main.scn"),
        ("@protocol pop3\n", 1, "the scenario has no 'C:' or 'S:' lines"),
        ("@protocol pop3\nC: NOOP\nS: +OK\nC: NOOP\nS: {...}\n", 5, "'{...}' stands for content lines"),
        ("@protocol pop3\nC: NOOP\nS: +OK {9x:number}\n", 3, "'9x' in '{9x:number}' is not a variable name"),
        ("@protocol pop3\nC: NOOP\nS: +OK\n@finally\nC: RSET\nS: +OK\n@finally\nC: QUIT\nS: +OK\n", 7,
         "@finally is given twice: the cleanup already starts at main.scn:4"),
        ("@protocol pop3\n@finally\nC: QUIT\nS: +OK\n", 2, "@finally must come after the steps it cleans up after"),
        ("@protocol pop3\nC: NOOP\nS: +OK\n@finally now\nC: QUIT\nS: +OK\n", 4, "@finally takes no argument"),
        ("@protocol pop3\nC: NOOP\nS: +OK\n@needs\nC: QUIT\nS: +OK\n", 4, "@needs needs what the next exchange checks for"),
        ("@protocol pop3\nC: NOOP\nS: +OK\n@needs a message\n", 4, "@needs must be followed by the exchange it binds"),
        ("@protocol pop3\nC: NOOP\nS: +OK\n@finally\n@needs a message\nC: QUIT\nS: +OK\n", 5, "@needs belongs before @finally"),
        ("@protocol pop3\n@include notes.txt\n", 2, "@include takes a fragment (.inc) or a scenario (.scn), not 'notes.txt'"),
        ("@protocol pop3\nX: a\u{0}b\rc\n", 2, "expected 'C:', 'S:', an @directive or a # comment, found 'X: a\\u{0}b\\u{d}c'"),
        ("@protocol pop3\nS: +OK\n@needs a\n@should b\nC: NOOP\nS: +OK\n", 4, "@should after @needs at main.scn:3"),
        ("@protocol pop3\nS: +OK\nC: NOOP\nS: +OK\n@should b\n", 5, "@should must be followed by the exchange it binds"),
        ("@protocol pop3\nS: +OK\nC: NOOP\nS: +OK\n@finally\n@should b\nC: QUIT\nS: +OK\n", 6, "@should belongs before @finally"),
        ("@protocol pop3\nC: NOOP\nS: +OK " + String(repeating: "{NO|BAD}", count: 9) + "\n", 3,
         "the line's '{a|b}' alternatives make more than 256 combinations"),
        ("@protocol pop3\nC: NOOP\nS: +OK " + String(repeating: "{*}", count: 101) + "\n", 3, "the line has 101 wildcards, more than 100"),
        ("@protocol imap\nC: APPEND INBOX {*}\nS: OK {*}\n", 2, "the literal '{*}' has no content"),
        ("@protocol imap\nC: APPEND INBOX {10}\nL: 0123456789012345678901234\nS: OK {*}\n", 2,
         "the literal is announced as {10} but its content is 27 octets (each line with its CRLF)"),
        ("@protocol imap\nC: NOOP\nC: CHECK\nS: OK {*}\n", 2, "'NOOP' has no expected reply: write its 'S:' lines, or put @pipelined"),
        ("@protocol pop3\nC: NOOP\n", 2, "'NOOP' has no expected reply"),
        ("@protocol imap\nS: * OK {*}\n@pipelined now\nC: NOOP\nS: OK {*}\n", 3, "@pipelined takes no argument"),
        ("@protocol pop3\nC: LIST\nS?: +OK\n", 3, "'S?:' and 'S!:' in a POP3 reply are content lines"),
        ("@protocol pop3\nC: LIST\nS: +OK\nS: 1 1\nS!: .\n", 5, "a multi-line reply must end with the terminator line"),
        ("@protocol imap\n@tags written\nC: NOOP\n", 3, "with @tags written, a command line starts with its tag: 'a001 NOOP'"),
        ("@protocol imap\n@tags written\nC: a+1 NOOP\n", 3, "with @tags written, a command line starts with its tag"),
        ("@protocol pop3\n@tags written\n", 2, "@tags is for IMAP scenarios"),
        ("@protocol imap\n@tags automatic\n", 2, "@tags takes 'written'"),
        ("@protocol imap\nC: NOOP\nS: OK {*}\n@tags written\n", 4, "@tags must come before the first exchange"),
        ("@protocol imap\nC: NOOP\nS: OK {*}\n@connect other\n@finally\nS: * OK {*}\n", 5,
         "@finally right after @connect would part the connection from its greeting"),
    ])
    func malformedScenarioIsReportedWithFileAndLine(text: String, line: Int, message: String) {
        do {
            _ = try parse(["main.scn": text])
            Issue.record("expected an error for \(text.debugDescription)")
        } catch {
            #expect(error.location == SourceLocation(file: "main.scn", line: line))
            #expect(error.message.hasPrefix(message), "got: \(error.message)")
            #expect(error.description.hasPrefix("main.scn:\(line): "))
        }
    }

    /// Found by the scenario-parser fuzz target: an error inside an included file whose name
    /// holds a NUL printed the NUL.
    @Test func anIncludedFileNamedWithControlBytesIsNamedVisibly() {
        do {
            _ = try parse(["main.scn": "@protocol pop3\n@include a\u{0}b.inc\n", "a\u{0}b.inc": "@title no\n"])
            Issue.record("expected an error")
        } catch {
            #expect(error.location.line == 1)
            #expect(error.description.hasPrefix("a\\u{0}b.inc:1: "), "got: \(error.description.debugDescription)")
        }
    }

    @Test func unreadableMainFileIsAnError() {
        #expect(throws: ScenarioError.self) { try parse([:], main: "absent.scn") }
    }
}

/// `@finally` parts a scenario: the steps after it are the cleanup, run even when one before failed.
/// Literals are sent with the size of their content, and commands without replies only when
/// `@pipelined` says they are sent without waiting.
@Suite struct LiteralAndPipeliningTests {
    private func commands(_ text: String) throws -> [Command] {
        exchanges(try parse(["main.scn": text])).compactMap(\.command)
    }

    @Test func aSizeWrittenOutMatchesItsContentOrIsDeliberate() throws {
        let counted = try commands("@protocol imap\nC: APPEND INBOX {7}\nL: hello\nS: OK {*}\n")
        #expect(counted.first?.literals.first?.declaredSize == 7)
        let deliberate = try commands("@protocol imap\nC: APPEND INBOX {10!}\nL: 0123456789012345678901234\nS: OK {*}\n")
        #expect(deliberate.first?.literals.first?.declaredSize == 10)
        #expect(deliberate.first?.literals.first?.sizeIsDeliberate == true)
        // Content with a variable is counted when it is sent.
        let variable = try commands("@protocol imap\nC: APPEND INBOX {3}\nL: ${user}\nS: OK {*}\n")
        #expect(variable.count == 1)
    }

    @Test func pipelinedCommandsNeedNoRepliesOfTheirOwn() throws {
        let sent = try commands("@protocol imap\nS: * OK {*}\n@pipelined\nC: [p1] NOOP\nC: [p2] CHECK\nS: OK {*}\nC: LOGOUT\nS: OK {*}\n")
        #expect(sent.map(\.tag) == ["p1", "p2", nil])
    }
}

@Suite struct FinallyDirectiveTests {
    /// The commands of `steps`, in order, each with the place it was written.
    private func commands(_ steps: [ScenarioStep]) -> [String] {
        steps.compactMap { step in
            guard case .exchange(let exchange) = step, let command = exchange.command else { return nil }
            return "\(exchange.location) \(command.verb)"
        }
    }

    @Test func stepsAfterFinallyAreTheCleanup() throws {
        let scenario = try parse(["main.scn": """
            @protocol imap
            S: * OK {*}
            C: CREATE Scratch
            S: OK {*}
            @finally
            C: DELETE Scratch
            S: OK {*}
            C: LOGOUT
            S: OK {*}
            """])
        #expect(commands(scenario.steps) == ["main.scn:3 CREATE"])
        #expect(commands(scenario.cleanup) == ["main.scn:6 DELETE", "main.scn:8 LOGOUT"])
        // The directive ends the exchange before it, which keeps its reply.
        #expect(exchanges(scenario).last?.expected.map(\.source) == ["OK {*}"])
    }

    @Test func withoutFinallyThereIsNoCleanup() throws {
        let scenario = try parse(["main.scn": "@protocol pop3\nS: +OK{*}\nC: QUIT\nS: +OK{*}\n"])
        #expect(scenario.cleanup.isEmpty)
        #expect(commands(scenario.steps) == ["main.scn:3 QUIT"])
    }

    @Test func finallyInAnIncludeStartsTheCleanupThere() throws {
        let scenario = try parse([
            "main.scn": "@protocol imap\nS: * OK {*}\nC: NOOP\nS: OK {*}\n@include cleanup.inc\nC: LOGOUT\nS: OK {*}\n",
            "cleanup.inc": "C: CHECK\nS: OK {*}\n@finally\nC: EXPUNGE\nS: OK {*}\n",
        ])
        #expect(commands(scenario.steps) == ["main.scn:3 NOOP", "cleanup.inc:1 CHECK"])
        #expect(commands(scenario.cleanup) == ["cleanup.inc:4 EXPUNGE", "main.scn:6 LOGOUT"])
    }

    @Test func aSecondFinallyInAnIncludeIsAnErrorAtItsLine() {
        let files = [
            "main.scn": "@protocol imap\nS: * OK {*}\nC: NOOP\nS: OK {*}\n@finally\n@include cleanup.inc\n",
            "cleanup.inc": "C: CHECK\nS: OK {*}\n@finally\nC: LOGOUT\nS: OK {*}\n",
        ]
        let error = #expect(throws: ScenarioError.self) { try parse(files) }
        #expect(error?.description.hasPrefix("cleanup.inc:3: @finally is given twice: the cleanup already starts at main.scn:5") == true,
                "got: \(String(describing: error))")
    }
}

@Suite struct ScenarioLineEndingTests {
    /// A scenario saved with CRLF line endings means the same as with LF: in Swift "\r\n" is
    /// one Character, so a careless split would keep the CR in every expected line.
    @Test func crlfFilesParseLikeLFFiles() throws {
        let text = "@protocol pop3\nS: +OK{*}\nC: NOOP\nS: +OK\n"
        let lf = try parse(["main.scn": text])
        let crlf = try parse(["main.scn": text.replacing("\n", with: "\r\n")])
        #expect(exchanges(crlf).map(\.expected) == exchanges(lf).map(\.expected))
        #expect(exchanges(crlf).last?.expected.first?.source == "+OK")
    }
}
