import Testing
@testable import MailGaugeScenario

private func match(_ pattern: String, _ response: String, _ bindings: Bindings = Bindings()) throws -> [String: String]? {
    try LinePattern(Substring(pattern), at: here).matchIMAP(Array(response.utf8), bindings)
}

/// IMAP `S:` lines match by meaning; each row fails without the rule it names.
@Suite struct IMAPLinePatternTests {
    @Test(arguments: [
        // An atom matches a quoted string or a literal of the same value, and back.
        ("* LIST ({*}) \"/\" INBOX", "* LIST (\\HasNoChildren) \"/\" \"INBOX\""),
        ("* LIST ({*}) \"/\" \"Sent\"", "* LIST () \"/\" Sent"),
        ("* LIST ({*}) {*} Sent", "* LIST () \"/\" {4}\r\nSent"),
        ("* SEARCH (\"SUBJECT\")", "* SEARCH (SUBJECT)"),
        ("* 1 FETCH (ENVELOPE (\"Fixture {*}\" NIL))", "* 1 FETCH (ENVELOPE ({10}\r\nFixture ab NIL))"),
        // Case-insensitive atoms.
        ("A1 OK {*}", "A1 ok done"),
        ("* {number} EXISTS", "* 4 exists"),
        ("* OK [UIDNEXT {number}] {*}", "* OK [uidnext 9] x"),
        ("* 1 FETCH (FLAGS ({*}\\Seen{*}))", "* 1 FETCH (FLAGS (\\seen))"),
        ("* LIST ({*}) {*} INBOX", "* LIST () \".\" inbox"),
        // A date-time's day.
        ("* 1 FETCH (INTERNALDATE \" 1-Feb-2024 12:00:00 +0000\")", "* 1 FETCH (INTERNALDATE \"01-Feb-2024 12:00:00 +0000\")"),
        // FETCH items and flags in any order.
        ("* 1 FETCH (UID {number} FLAGS (\\Seen \\Answered))", "* 1 FETCH (FLAGS (\\Answered \\Seen) UID 7)"),
        // Wildcards written around items still match in the order sent.
        ("* 1 FETCH ({*}UID {number}{*})", "* 1 FETCH (FLAGS () UID 7)"),
        ("* 1 FETCH ({*}\\Flagged{*}\"01-Feb-2024 12:00:00 +0000\"{*})", "* 1 FETCH (FLAGS (\\Flagged) INTERNALDATE \"01-Feb-2024 12:00:00 +0000\")"),
        ("* ESEARCH (TAG \"{atom}\") ALL 1{*}", "* ESEARCH (TAG \"A3\") ALL 1:5"),
        ("* 1 FETCH (BODY[] \\{{number}\\}", "* 1 FETCH (BODY[] {12}"),
        // Alternatives.
        ("A1 {NO|BAD} {*}", "A1 BAD nope"),
        ("A1 {NO|BAD} {*}", "A1 no nope"),
    ])
    func matchesByMeaning(pattern: String, response: String) throws {
        #expect(try match(pattern, response) != nil)
    }

    @Test(arguments: [
        ("* LIST ({*}) {*} Sent", "* LIST () \"/\" sent"),
        ("* FLAGS ($Junk)", "* FLAGS ($junk)"),
        ("* 1 FETCH (ENVELOPE (NIL))", "* 1 FETCH (ENVELOPE (\"NIL\"))"),
        ("* 4 EXISTS", "* 4  EXISTS"),
        ("A1 {NO|BAD} {*}", "A1 OK fine"),
        ("* 1 FETCH (FLAGS (\\Seen))", "* 1 FETCH (FLAGS (\\Seen \\Answered))"),
    ])
    func rejectsWhatMeansOtherwise(pattern: String, response: String) throws {
        #expect(try match(pattern, response) == nil)
    }

    @Test func capturesBindTheValueOfAQuotedToken() throws {
        #expect(try match("* LIST ({*}) {*} {found:atom}", "* LIST () \"/\" \"a*b\"") == ["found": "a*b"])
        #expect(try match("* LIST ({*}) \"{delimiter:*}\" {*}", "* LIST () \"/\" x") == ["delimiter": "/"])
        #expect(try match("* {count:number} EXISTS", "* 12 EXISTS") == ["count": "12"])
    }

    @Test func variablesMatchAnyEncodingOfTheirValue() throws {
        var bindings = Bindings()
        bindings.set("box", to: "INBOX.MailGauge-x1")
        #expect(try match("* STATUS ${box} (MESSAGES 1)", "* STATUS \"INBOX.MailGauge-x1\" (messages 1)", bindings) != nil)
        #expect(try match("* STATUS ${box} (MESSAGES 1)", "* STATUS {18}\r\nINBOX.MailGauge-x1 (MESSAGES 1)", bindings) != nil)
    }

    @Test func aCompletionIsReadAfterItsTag() throws {
        let pattern = try LinePattern("OK [READ-WRITE] {*}", at: here)
        #expect(try pattern.matchIMAP(Array("A7 ok [read-write] done".utf8), prefix: "A7 ", Bindings()) != nil)
    }
}

@Suite struct LiteralAnnouncementTests {
    @Test(arguments: [("* 1 FETCH (BODY[] \\{{size:number}\\}", true), ("* 1 FETCH (BODY[] {*}", false), ("* 1 FETCH (BODY[] \\{12\\}", true)])
    func aPatternEndingInALiteralsSizeIsWrittenForTheFirstLine(pattern: String, endsInAnnouncement: Bool) throws {
        #expect(try LinePattern(Substring(pattern), at: here).endsInLiteralAnnouncement == endsInAnnouncement)
    }
}
