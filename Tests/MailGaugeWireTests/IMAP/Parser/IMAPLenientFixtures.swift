import MailGaugeWire

/// Deviations real servers commit that the parser accepts with a warning naming the rule,
/// and version differences between IMAP4rev1 and IMAP4rev2.
enum IMAPLenientFixtures {
    static let all: [IMAPParserFixture] = [
        IMAPParserFixture("bare LF line end", "* OK hello\n", imapUntaggedOK(nil, "hello"), findings: ["CRLF"]),
        IMAPParserFixture("trailing space before CRLF", "* SEARCH 1 2 \r\n", .untagged(.search([1, 2], modSeq: nil)), findings: ["response-data"]),
        IMAPParserFixture("tagged OK without text", "A1 OK\r\n", .tagged(tag: "A1", imapStatus(.ok, "")), findings: ["resp-cond-state"]),
        IMAPParserFixture("code without SP and text (rev1)", "* OK [READ-WRITE]\r\n", imapUntaggedOK(.readWrite, ""), findings: ["resp-text", "text"]),
        IMAPParserFixture("code without SP and text (rev2)", "* OK [READ-WRITE]\r\n", imapUntaggedOK(.readWrite, ""), findings: ["resp-text"], version: .rev2),
        IMAPParserFixture("empty text after code is fine in rev2", "* OK [READ-WRITE] \r\n", imapUntaggedOK(.readWrite, ""), version: .rev2),
        IMAPParserFixture("code glued to text", "* OK [ALERT]Hi\r\n", imapUntaggedOK(.alert, "Hi"), findings: ["resp-text"]),
        IMAPParserFixture("bare plus", "+\r\n", .continuation(.text(IMAPResponseText(text: ""))), findings: ["continue-req"]),
        IMAPParserFixture("8-bit text in rev1", "* OK Grüße\r\n", imapUntaggedOK(nil, "Grüße"), findings: ["TEXT-CHAR"]),
        IMAPParserFixture("UTF-8 text in rev2", "* OK Grüße\r\n", imapUntaggedOK(nil, "Grüße"), version: .rev2),
        IMAPParserFixture("8-bit quoted string in rev1", "* LIST () \"/\" \"Entwürfe\"\r\n",
            .untagged(.list(IMAPMailboxListing(attributes: [], delimiter: UInt8(ascii: "/"), name: "Entwürfe"))), findings: ["QUOTED-CHAR"]),
        IMAPParserFixture("empty address list as ()", "* 1 FETCH (ENVELOPE (NIL NIL () NIL NIL NIL NIL NIL NIL NIL))\r\n",
            .untagged(.fetch(1, [.envelope(IMAPEnvelope(date: nil, subject: nil, from: [], sender: [], replyTo: [], to: [], cc: [], bcc: [], inReplyTo: nil, messageID: nil))])),
            findings: ["env-from"]),
        IMAPParserFixture("SP between addresses", "* 1 FETCH (ENVELOPE (NIL NIL NIL NIL NIL ((NIL NIL \"a\" \"b\") (NIL NIL \"c\" \"d\")) NIL NIL NIL NIL))\r\n",
            .untagged(.fetch(1, [.envelope(IMAPEnvelope(date: nil, subject: nil, from: [], sender: [], replyTo: [],
                to: [IMAPAddress(name: nil, adl: nil, mailbox: "a", host: "b"), IMAPAddress(name: nil, adl: nil, mailbox: "c", host: "d")],
                cc: [], bcc: [], inReplyTo: nil, messageID: nil))])),
            findings: ["env-to"]),
        IMAPParserFixture("empty body-fld-param and NIL encoding", "* 1 FETCH (BODYSTRUCTURE (\"text\" \"plain\" () NIL NIL NIL 1 1))\r\n",
            .untagged(.fetch(1, [.bodyStructure(.singlePart(IMAPBodyPart(mediaType: "text", mediaSubtype: "plain", parameters: [], id: nil,
                description: nil, encoding: "7BIT", octets: 1, lines: 1)))])),
            findings: ["body-fld-param", "body-fld-enc"]),
        IMAPParserFixture("SP between body parts", "* 1 FETCH (BODYSTRUCTURE ((\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1) (\"text\" \"html\" NIL NIL NIL \"7bit\" 1 1) \"alternative\"))\r\n",
            .untagged(.fetch(1, [.bodyStructure(.multipart(IMAPMultipartBody(parts: [
                .singlePart(IMAPBodyPart(mediaType: "text", mediaSubtype: "plain", parameters: [], id: nil, description: nil, encoding: "7bit", octets: 1, lines: 1)),
                .singlePart(IMAPBodyPart(mediaType: "text", mediaSubtype: "html", parameters: [], id: nil, description: nil, encoding: "7bit", octets: 1, lines: 1))],
                mediaSubtype: "alternative")))])),
            findings: ["body-type-mpart"]),
        IMAPParserFixture("unpadded one-digit day", "* 1 FETCH (INTERNALDATE \"7-Jul-2024 02:44:25 +0000\")\r\n",
            .untagged(.fetch(1, [.internalDate(IMAPDateTime(day: 7, month: 7, year: 2024, hour: 2, minute: 44, second: 25, zoneMinutes: 0))])),
            findings: ["date-day-fixed"]),
        IMAPParserFixture("unknown untagged response", "* QUOTA \"\" (STORAGE 10 512)\r\n", .untagged(.unrecognised(name: "QUOTA")), findings: ["response-data"]),
        IMAPParserFixture("RECENT in rev2", "* 1 RECENT\r\n", .untagged(.recent(1)), findings: ["mailbox-data"], version: .rev2),
        IMAPParserFixture("LSUB in rev2", "* LSUB () \".\" INBOX\r\n",
            .untagged(.lsub(IMAPMailboxListing(attributes: [], delimiter: UInt8(ascii: "."), name: "INBOX"))), findings: ["mailbox-data"], version: .rev2),
        IMAPParserFixture("SEARCH in rev2", "* SEARCH 1\r\n", .untagged(.search([1], modSeq: nil)), findings: ["mailbox-data"], version: .rev2),
        IMAPParserFixture("\\Recent flag in rev2", "* 1 FETCH (FLAGS (\\Seen \\Recent))\r\n", .untagged(.fetch(1, [.flags(["\\Seen", "\\Recent"])])),
            findings: ["flag-fetch"], version: .rev2),
        IMAPParserFixture("RFC822.HEADER in rev2", "* 1 FETCH (RFC822.HEADER NIL)\r\n", .untagged(.fetch(1, [.rfc822(.header, nil)])),
            findings: ["msg-att"], version: .rev2),
        IMAPParserFixture("STATUS RECENT in rev2", "* STATUS INBOX (RECENT 1)\r\n",
            .untagged(.status(mailbox: "INBOX", attributes: [IMAPStatusAttribute(name: "RECENT", value: 1)])), findings: ["status-att-list"], version: .rev2),
    ]

    /// Broken MUSTs the parser reads past: reported as violations, yet the response is returned.
    static let violationsReadPast: [IMAPParserFixture] = [
        IMAPParserFixture("CAPABILITY without IMAP4rev1", "* CAPABILITY IDLE\r\n", .untagged(.capability(["IDLE"])), findings: ["capability-data"]),
        IMAPParserFixture("CAPABILITY without IMAP4rev2 in rev2", "* CAPABILITY IMAP4rev1 IDLE\r\n", .untagged(.capability(["IMAP4rev1", "IDLE"])),
            findings: ["capability-data"], version: .rev2),
        IMAPParserFixture("non-synchronizing literal from server", "* 1 FETCH (BODY[] {2+}\r\nab)\r\n",
            .untagged(.fetch(1, [.bodySection(IMAPSection(), origin: nil, data: Array("ab".utf8))])), findings: ["literal"]),
        IMAPParserFixture("NUL in a literal", Array("* 1 FETCH (BODY[] {3}\r\na".utf8) + [0] + Array("b)\r\n".utf8),
            .untagged(.fetch(1, [.bodySection(IMAPSection(), origin: nil, data: [UInt8(ascii: "a"), 0, UInt8(ascii: "b")])])), findings: ["literal"]),
    ]
}
