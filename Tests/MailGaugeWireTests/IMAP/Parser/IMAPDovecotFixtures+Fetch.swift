import MailGaugeWire

/// FETCH responses as Dovecot 2.3 sends them.
extension IMAPDovecotFixtures {
    static let alice = IMAPAddress(name: "Alice Example", adl: nil, mailbox: "alice", host: "example.com")
    static let bob = IMAPAddress(name: "Bob", adl: nil, mailbox: "bob", host: "example.org")
    static let carol = IMAPAddress(name: "Carol", adl: nil, mailbox: "carol", host: "example.net")
    static let noExtensions = IMAPBodyExtensionData()

    static func textPart(_ subtype: String, _ charset: String, _ encoding: String, _ octets: UInt32, _ lines: UInt32,
                         extensionData: IMAPBodyExtensionData? = noExtensions) -> IMAPBodyStructure {
        .singlePart(IMAPBodyPart(mediaType: "text", mediaSubtype: subtype, parameters: [IMAPBodyParameter("charset", charset)],
                                 id: nil, description: nil, encoding: encoding, octets: octets, lines: lines, extensionData: extensionData))
    }

    static let message = "From: alice@example.com\r\nSubject: hi\r\n\r\nHello {5} \"quoted\" (paren) ]\r\n"

    static let fetches: [IMAPParserFixture] = [
        IMAPParserFixture("FETCH FLAGS UID RFC822.SIZE INTERNALDATE",
            "* 6 FETCH (FLAGS (\\Seen \\Answered $Forwarded) UID 106 RFC822.SIZE 4423 INTERNALDATE \"14-May-2024 09:12:46 +0200\")\r\n",
            .untagged(.fetch(6, [.flags(["\\Seen", "\\Answered", "$Forwarded"]), .uid(106), .rfc822Size(4423),
                .internalDate(IMAPDateTime(day: 14, month: 5, year: 2024, hour: 9, minute: 12, second: 46, zoneMinutes: 120))]))),
        IMAPParserFixture("FETCH INTERNALDATE padded day, negative zone", "* 7 FETCH (INTERNALDATE \" 7-Jul-1996 02:44:25 -0730\")\r\n",
            .untagged(.fetch(7, [.internalDate(IMAPDateTime(day: 7, month: 7, year: 1996, hour: 2, minute: 44, second: 25, zoneMinutes: -450))]))),
        IMAPParserFixture("FETCH FLAGS empty", "* 8 FETCH (UID 108 FLAGS ())\r\n", .untagged(.fetch(8, [.uid(108), .flags([])]))),
        IMAPParserFixture("FETCH ENVELOPE",
            "* 5 FETCH (UID 105 ENVELOPE (\"Tue, 14 May 2024 09:12:45 +0200\" \"Quarterly numbers\" ((\"Alice Example\" NIL \"alice\" \"example.com\")) ((\"Alice Example\" NIL \"alice\" \"example.com\")) ((\"Alice Example\" NIL \"alice\" \"example.com\")) ((\"Bob\" NIL \"bob\" \"example.org\")(\"Carol\" NIL \"carol\" \"example.net\")) NIL NIL NIL \"<20240514091245.1234@example.com>\"))\r\n",
            .untagged(.fetch(5, [.uid(105), .envelope(IMAPEnvelope(date: "Tue, 14 May 2024 09:12:45 +0200", subject: "Quarterly numbers",
                from: [alice], sender: [alice], replyTo: [alice], to: [bob, carol], cc: [], bcc: [], inReplyTo: nil,
                messageID: "<20240514091245.1234@example.com>"))]))),
        IMAPParserFixture("FETCH ENVELOPE with group and literal subject",
            "* 9 FETCH (ENVELOPE (NIL " + imapLiteral("Re: \"x\"") + " NIL NIL NIL ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL NIL \"<a@b>\" NIL))\r\n",
            .untagged(.fetch(9, [.envelope(IMAPEnvelope(date: nil, subject: "Re: \"x\"", from: [], sender: [], replyTo: [],
                to: [IMAPAddress(name: nil, adl: nil, mailbox: "undisclosed-recipients", host: nil), IMAPAddress(name: nil, adl: nil, mailbox: nil, host: nil)],
                cc: [], bcc: [], inReplyTo: "<a@b>", messageID: nil))]))),
        IMAPParserFixture("FETCH BODYSTRUCTURE multipart/alternative",
            "* 1 FETCH (UID 101 BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 236 9 NIL NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 1202 31 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"=_2f3c9d\") NIL NIL NIL))\r\n",
            .untagged(.fetch(1, [.uid(101), .bodyStructure(.multipart(IMAPMultipartBody(
                parts: [textPart("plain", "utf-8", "quoted-printable", 236, 9), textPart("html", "utf-8", "quoted-printable", 1202, 31)],
                mediaSubtype: "alternative", parameters: [IMAPBodyParameter("boundary", "=_2f3c9d")], extensionData: noExtensions)))]))),
        IMAPParserFixture("FETCH BODYSTRUCTURE mixed with attachment, language, location, extensions",
            "* 2 FETCH (UID 102 BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 52 3 NIL NIL NIL NIL)(\"application\" \"pdf\" (\"name\" \"report.pdf\") \"<part2@x>\" \"Quarterly report\" \"base64\" 4096 \"Q2h1Y2s=\" (\"attachment\" (\"filename\" \"report.pdf\" \"size\" \"3000\")) (\"en\" \"de\") \"http://example.com/r.pdf\" 42 (\"x\" 7)) \"mixed\" (\"boundary\" \"b2\") (\"inline\" NIL) \"en\" NIL))\r\n",
            .untagged(.fetch(2, [.uid(102), .bodyStructure(.multipart(IMAPMultipartBody(
                parts: [textPart("plain", "us-ascii", "7bit", 52, 3),
                        .singlePart(IMAPBodyPart(mediaType: "application", mediaSubtype: "pdf", parameters: [IMAPBodyParameter("name", "report.pdf")],
                            id: "<part2@x>", description: "Quarterly report", encoding: "base64", octets: 4096,
                            extensionData: IMAPBodyExtensionData(md5: "Q2h1Y2s=",
                                disposition: IMAPBodyDisposition(kind: "attachment", parameters: [IMAPBodyParameter("filename", "report.pdf"), IMAPBodyParameter("size", "3000")]),
                                language: ["en", "de"], location: "http://example.com/r.pdf", extensions: [.number(42), .list([.string("x"), .number(7)])])))],
                mediaSubtype: "mixed", parameters: [IMAPBodyParameter("boundary", "b2")],
                extensionData: IMAPBodyExtensionData(disposition: IMAPBodyDisposition(kind: "inline", parameters: []), language: ["en"]))))]))),
        IMAPParserFixture("FETCH BODYSTRUCTURE message/rfc822",
            "* 3 FETCH (BODYSTRUCTURE (\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 342 (\"Mon, 1 Jan 2024 10:00:00 +0000\" \"Fwd\" ((\"Bob\" NIL \"bob\" \"example.org\")) ((\"Bob\" NIL \"bob\" \"example.org\")) ((\"Bob\" NIL \"bob\" \"example.org\")) ((\"Alice Example\" NIL \"alice\" \"example.com\")) NIL NIL NIL \"<m1@example.org>\") (\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" 20 1 NIL NIL NIL NIL) 12 NIL NIL NIL NIL))\r\n",
            .untagged(.fetch(3, [.bodyStructure(.singlePart(IMAPBodyPart(mediaType: "message", mediaSubtype: "rfc822", parameters: [],
                id: nil, description: nil, encoding: "7bit", octets: 342, lines: 12,
                message: IMAPEncapsulatedMessage(envelope: IMAPEnvelope(date: "Mon, 1 Jan 2024 10:00:00 +0000", subject: "Fwd",
                    from: [bob], sender: [bob], replyTo: [bob], to: [alice], cc: [], bcc: [], inReplyTo: nil, messageID: "<m1@example.org>"),
                    body: textPart("plain", "utf-8", "8bit", 20, 1)),
                extensionData: noExtensions)))]))),
        IMAPParserFixture("FETCH BODY non-extensible", "* 4 FETCH (BODY (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 12 1))\r\n",
            .untagged(.fetch(4, [.body(textPart("plain", "us-ascii", "7bit", 12, 1, extensionData: nil))]))),
        IMAPParserFixture("FETCH BODY[] literal", "* 7 FETCH (UID 107 BODY[] " + imapLiteral(message) + ")\r\n",
            .untagged(.fetch(7, [.uid(107), .bodySection(IMAPSection(), origin: nil, data: Array(message.utf8))]))),
        IMAPParserFixture("FETCH BODY[HEADER.FIELDS (FROM SUBJECT)]",
            "* 8 FETCH (UID 108 BODY[HEADER.FIELDS (FROM SUBJECT)] " + imapLiteral("From: a\r\nSubject: b\r\n\r\n") + ")\r\n",
            .untagged(.fetch(8, [.uid(108), .bodySection(IMAPSection(text: .headerFields(["FROM", "SUBJECT"])), origin: nil,
                data: Array("From: a\r\nSubject: b\r\n\r\n".utf8))]))),
        IMAPParserFixture("FETCH BODY[HEADER.FIELDS.NOT] and partial",
            "* 9 FETCH (BODY[HEADER.FIELDS.NOT (RECEIVED)] \"\" BODY[]<0> " + imapLiteral("0123456789") + ")\r\n",
            .untagged(.fetch(9, [.bodySection(IMAPSection(text: .headerFieldsNot(["RECEIVED"])), origin: nil, data: []),
                .bodySection(IMAPSection(), origin: 0, data: Array("0123456789".utf8))]))),
        IMAPParserFixture("FETCH BODY[1.2.MIME], BODY[TEXT] NIL, BODY[2]",
            "* 10 FETCH (BODY[1.2.MIME] \"Content-Type: text/plain\" BODY[TEXT] NIL BODY[2] \"x\" BODY[HEADER] NIL)\r\n",
            .untagged(.fetch(10, [.bodySection(IMAPSection(part: [1, 2], text: .mime), origin: nil, data: Array("Content-Type: text/plain".utf8)),
                .bodySection(IMAPSection(text: .text), origin: nil, data: nil),
                .bodySection(IMAPSection(part: [2]), origin: nil, data: Array("x".utf8)),
                .bodySection(IMAPSection(text: .header), origin: nil, data: nil)]))),
        IMAPParserFixture("FETCH BINARY literal8 with NUL and BINARY.SIZE",
            Array("* 11 FETCH (BINARY[1] ~{4}\r\n".utf8) + [0, 1, 2, 3] + Array(" BINARY.SIZE[1] 4 BINARY[] \"abc\")\r\n".utf8),
            .untagged(.fetch(11, [.binary(part: [1], data: [0, 1, 2, 3]), .binarySize(part: [1], size: 4), .binary(part: [], data: Array("abc".utf8))]))),
        IMAPParserFixture("FETCH MODSEQ", "* 12 FETCH (UID 112 MODSEQ (12121231000))\r\n", .untagged(.fetch(12, [.uid(112), .modSeq(12121231000)]))),
        IMAPParserFixture("FETCH RFC822 items",
            "* 13 FETCH (RFC822.HEADER " + imapLiteral("Subject: x\r\n\r\n") + " RFC822.TEXT NIL RFC822 \"m\")\r\n",
            .untagged(.fetch(13, [.rfc822(.header, Array("Subject: x\r\n\r\n".utf8)), .rfc822(.text, nil), .rfc822(.message, Array("m".utf8))]))),
        IMAPParserFixture("FETCH PREVIEW", "* 14 FETCH (UID 114 PREVIEW \"Hello there, this is a preview\")\r\n",
            .untagged(.fetch(14, [.uid(114), .preview("Hello there, this is a preview")]))),
        IMAPParserFixture("FETCH PREVIEW NIL", "* 15 FETCH (PREVIEW NIL)\r\n", .untagged(.fetch(15, [.preview(nil)]))),
    ]
}
