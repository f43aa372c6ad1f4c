import Testing
import MailGaugeWire

/// Every rule has a broken example whose violation must name it.
struct IMAPParserViolationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let wire: [UInt8]
        let version: IMAPGrammarVersion
        let maxDepth: Int

        init(_ rule: String, _ wire: String, version: IMAPGrammarVersion = .rev1, maxDepth: Int = 64) {
            self.rule = rule
            self.wire = Array(wire.utf8)
            self.version = version
            self.maxDepth = maxDepth
        }

        var testDescription: String { "\(rule): \(ByteEscaping.escape(wire))" }
    }

    static let fetch = "* 1 FETCH "
    static let textPart = "(\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1"

    static let cases: [Case] = [
        Case("tag", "(x OK done\r\n"),
        Case("response-tagged", "a1\tOK done\r\n"),
        Case("resp-cond-state", "a1 MAYBE done\r\n"),
        Case("response-data", "* PREAUTH hi\r\n"),
        Case("response-data", "* OK hi\0there\r\n"),
        Case("CRLF", "* 1 EXISTS\r\nextra"),
        Case("continue-req", "+x\r\n"),
        Case("message-data", "* 3 EXISTZ\r\n"),
        Case("nz-number", "* 0 EXPUNGE\r\n"),
        Case("number", "* 99999999999 EXISTS\r\n"),
        Case("resp-text-code", "* OK [UIDNEXT] x\r\n"),
        Case("resp-text-code", "* OK [ALERT x\r\n"),
        Case("nz-number", "* OK [UIDVALIDITY 0] x\r\n"),
        Case("resp-code-apnd", "a OK [APPENDUID 1 x] y\r\n"),
        Case("resp-code-copy", "a OK [COPYUID 1 2 x] y\r\n"),
        Case("sequence-set", "a OK [MODIFIED x] y\r\n"),
        Case("mod-sequence-value", "* OK [HIGHESTMODSEQ x] y\r\n"),
        Case("capability-data", "* OK [CAPABILITY IMAP4rev1 (] x\r\n"),
        Case("enable-data", "* ENABLED (x)\r\n"),
        Case("flag-list", "* FLAGS \\Seen\r\n"),
        Case("flag", "* FLAGS (\\)\r\n"),
        Case("flag-perm", "* OK [PERMANENTFLAGS (\\)] x\r\n"),
        Case("mailbox-data", "* LIST\r\n"),
        Case("mbx-list-flags", "* LIST (Foo) \"/\" x\r\n"),
        Case("mailbox-list", "* LIST () \"ab\" x\r\n"),
        Case("mailbox", "* LIST () \"/\" (\r\n"),
        Case("mbox-list-extended", "* LIST () \"/\" x ((\"a\"))\r\n"),
        Case("tagged-ext-val", "* LIST () \"/\" x (\"OLDNAME\" x)\r\n"),
        Case("QUOTED-CHAR", "* LIST () \"/\" \"a\\x\"\r\n"),
        Case("QUOTED-CHAR", "* LIST () \"/\" \"abc\r\n"),
        Case("status-att-list", "* STATUS INBOX (MESSAGES x)\r\n"),
        Case("search-sort-mod-seq", "* SEARCH 1 (FOO 1)\r\n"),
        Case("esearch-response", "* ESEARCH (TAG \"a\") MIN 0\r\n"),
        Case("namespace-response", "* NAMESPACE ((\"\" \".\")) NIL\r\n"),
        Case("id-response", "* ID (\"name\")\r\n"),
        Case("expunged-resp", "* VANISHED (EARLIER) *\r\n"),
        Case("msg-att", fetch + "(FOO 1)\r\n"),
        Case("msg-att", fetch + "()\r\n"),
        Case("flag-fetch", fetch + "(FLAGS (\\))\r\n"),
        Case("fetch-mod-resp", fetch + "(MODSEQ 5)\r\n"),
        Case("preview", fetch + "(PREVIEW x)\r\n"),
        Case("section", fetch + "(BODY[FOO] NIL)\r\n"),
        Case("section-part", fetch + "(BODY[0] NIL)\r\n"),
        Case("header-list", fetch + "(BODY[HEADER.FIELDS ()] NIL)\r\n"),
        Case("section-binary", fetch + "(BINARY[TEXT] NIL)\r\n"),
        Case("literal", fetch + "(BODY[] {x}\r\n)\r\n"),
        Case("literal8", fetch + "(BINARY[] ~{x}\r\n)\r\n"),
        Case("date-time", fetch + "(INTERNALDATE 17-Jul-1996)\r\n"),
        Case("date-day-fixed", fetch + "(INTERNALDATE \"x7-Jul-1996 02:44:25 -0700\")\r\n"),
        Case("date-month", fetch + "(INTERNALDATE \"17-Foo-1996 02:44:25 -0700\")\r\n"),
        Case("time", fetch + "(INTERNALDATE \"17-Jul-1996 2:44:25 -0700\")\r\n"),
        Case("zone", fetch + "(INTERNALDATE \"17-Jul-1996 02:44:25 0700\")\r\n"),
        Case("envelope", fetch + "(ENVELOPE (NIL NIL))\r\n"),
        Case("env-from", fetch + "(ENVELOPE (NIL NIL x NIL NIL NIL NIL NIL NIL NIL))\r\n"),
        Case("address", fetch + "(ENVELOPE (NIL NIL ((NIL NIL)) NIL NIL NIL NIL NIL NIL NIL))\r\n"),
        Case("body", fetch + "(BODYSTRUCTURE x)\r\n"),
        Case("body-type-1part", fetch + "(BODYSTRUCTURE (\"text\"))\r\n"),
        Case("body-type-mpart", fetch + "(BODYSTRUCTURE (" + textPart + ")))\r\n"),
        Case("body-fields", fetch + "(BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" x 1))\r\n"),
        Case("body-fld-param", fetch + "(BODYSTRUCTURE (\"text\" \"plain\" (\"charset\") NIL NIL \"7bit\" 1 1))\r\n"),
        Case("body-fld-enc", fetch + "(BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL 7bit 1 1))\r\n"),
        Case("body-fld-dsp", fetch + "(BODYSTRUCTURE " + textPart + " NIL x))\r\n"),
        Case("body-fld-lang", fetch + "(BODYSTRUCTURE " + textPart + " NIL NIL (x)))\r\n"),
        Case("body-extension", fetch + "(BODYSTRUCTURE " + textPart + " NIL NIL NIL NIL x))\r\n"),
        Case("recursion-depth", fetch + "(BODYSTRUCTURE ((((" + textPart + ") \"a\") \"b\") \"c\"))\r\n", maxDepth: 3),
    ]

    @Test(arguments: cases)
    func violationNamesTheRule(_ c: Case) {
        let parser = IMAPResponseParser(options: IMAPParserOptions(version: c.version, maxDepth: c.maxDepth))
        let result = parser.parse(c.wire)
        guard case .invalid(let findings) = result else {
            Issue.record("expected a violation of \(c.rule), got \(result)")
            return
        }
        let finding = findings.last
        #expect(finding?.rule == c.rule)
        #expect(finding?.severity == .violation)
        #expect(finding?.message.contains("offset") == true)
        #expect(finding?.reference.hasPrefix("RFC") == true || finding?.rule == "recursion-depth")
        #expect(finding?.bytes.isEmpty == false)
    }

    @Test func findingShowsTheBytesAroundTheFailure() {
        let wire = Array("* 1 FETCH (UID 7 FLAGS (\\Seen) RFC822.SIZE abc)\r\n".utf8)
        guard case .invalid(let findings) = IMAPResponseParser().parse(wire) else {
            Issue.record("expected a violation")
            return
        }
        let offset = wire.firstIndex(of: UInt8(ascii: "a"))!
        #expect(findings.last?.rule == "msg-att")
        #expect(findings.last?.message == "expected a number at offset \(offset)")
        #expect(findings.last.map { ByteEscaping.escape($0.bytes) } == "AGS (\\Seen) RFC822.SIZE abc)\\r\\n")
    }

    @Test func referencesFollowTheVersion() {
        let wire = Array("* FLAGS \\Seen\r\n".utf8)
        for (version, reference) in [(IMAPGrammarVersion.rev1, "RFC 3501 §9"), (.rev2, "RFC 9051 §9")] {
            guard case .invalid(let findings) = IMAPResponseParser(options: IMAPParserOptions(version: version)).parse(wire) else {
                Issue.record("expected a violation")
                continue
            }
            #expect(findings.last?.reference == reference)
        }
    }
}
