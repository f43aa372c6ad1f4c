import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeWire
import Testing

/// Every byte the IMAP side sends decodes with MailGauge's own `IMAPResponseDecoder` without a
/// single finding, over a session that touches every command the server implements — under
/// the IMAP4rev1 grammar, and under IMAP4rev2 once enabled.
struct IMAPGrammarTests {
    static let appended = Array("From: Test <test@example.test>\r\nSubject: appended\r\nDate: Tue, 02 Jan 2024 10:00:00 +0000\r\n\r\nHello.\r\n".utf8)

    @Test(arguments: [IMAPGrammarVersion.rev1, .rev2])
    func representativeSessionDecodesWithoutFindings(version: IMAPGrammarVersion) async throws {
        try await RunningServer.with { server, caFile in
            let client = try await IMAPTestClient.connect(port: server.ports.imaps, tls: TLSOptions(caFile: caFile))
            try await expectOK(client.command("CAPABILITY"))
            try await expectOK(client.command("ID (\"name\" \"tests\")"))
            try await expectOK(client.command("LOGIN user1 mg-pass-1"))
            if version == .rev2 {
                try await expectOK(client.command("ENABLE IMAP4rev2"))
                client.useGrammar(.rev2)
            }
            try await expectOK(client.command("NAMESPACE"))
            let list = try await client.command("LIST \"\" \"*\"")
            #expect(list.count == 4)
            try await expectOK(client.command("LIST (SPECIAL-USE) \"\" \"*\" RETURN (SUBSCRIBED STATUS (MESSAGES UIDNEXT))"))
            try await expectOK(client.command("STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY UNSEEN SIZE\(version == .rev1 ? " RECENT" : ""))"))
            try await expectOK(client.command("SELECT INBOX"))
            let fetch = try await client.command("FETCH 1:* (FLAGS UID INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE BODY.PEEK[])")
            #expect(fetch.filter { $0.kind == "FETCH" }.count == 5)
            try await expectOK(client.command("FETCH 3 (BODY[1] BODY BODY.PEEK[2.MIME])"))
            try await expectOK(client.command("FETCH 4 (BODY.PEEK[HEADER] BODY.PEEK[TEXT] BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)] BODY.PEEK[]<0.10> BINARY.PEEK[2] BINARY.SIZE[2])"))
            try await expectOK(client.command("UID FETCH 5 (ENVELOPE BODY.PEEK[HEADER.FIELDS.NOT (References)])"))
            try await expectOK(client.command("STORE 1 +FLAGS (\\Flagged)"))
            try await expectOK(client.command("STORE 2 +FLAGS.SILENT (\\Deleted)"))
            try await expectOK(client.command("SEARCH FLAGGED"))
            try await expectOK(client.command("SEARCH UNSEEN SUBJECT \"Seed\" SINCE 1-Jan-2024"))
            try await expectOK(client.command("UID SEARCH RETURN (MIN MAX COUNT ALL) OR FROM alice HEADER Message-ID seed-05"))
            try await expectOK(client.command("APPEND INBOX (\\Seen) \"02-Jan-2024 10:00:00 +0000\"", literal: Self.appended))
            try await expectOK(client.command("APPEND Sent", literal: Self.appended, nonSynchronizing: true))
            try await expectOK(client.command("COPY 1 Archive"))
            try await expectOK(client.command("UID MOVE 3 Archive"))
            try await expectOK(client.command("EXPUNGE"))
            try await expectOK(client.command("UID EXPUNGE 1:*"))
            try await expectOK(client.command("CREATE Projects/2024"))
            try await expectOK(client.command("CREATE Old (USE (\\Archive))"))
            #expect(try await client.command("LIST (SPECIAL-USE) \"\" Old").contains { "\($0)".contains(#"\Archive"#) })
            try await expectOK(client.command("RENAME Projects Work"))
            try await expectOK(client.command("DELETE Work/2024"))
            try await expectOK(client.command("SUBSCRIBE Work"))
            try await expectOK(client.command(version == .rev1 ? "LSUB \"\" \"*\"" : "LIST (SUBSCRIBED) \"\" \"*\""))
            try await expectOK(client.command("EXAMINE Archive"))
            try await expectOK(client.command("UNSELECT"))
            try await expectOK(client.command("SELECT INBOX"))
            try await expectOK(client.command("CLOSE"))
            try await client.command("LOGOUT")
            await client.close()
            #expect(client.findings.isEmpty, "\(client.findings.map { "\($0.finding.summary) in \($0.frame)" })")
        }
    }

    /// IDLE hears another session's APPEND and EXPUNGE as they happen (RFC 2177).
    @Test func idleReportsOtherSessionsChanges() async throws {
        try await RunningServer.with { server, _ in
            let idler = try await IMAPTestClient.connect(port: server.ports.imap)
            let other = try await IMAPTestClient.connect(port: server.ports.imap)
            for client in [idler, other] {
                try await expectOK(client.command("LOGIN user2 mg-pass-2"))
                try await expectOK(client.command("SELECT INBOX"))
            }
            try await idler.send("i1 IDLE\r\n")
            _ = try await idler.read { $0.kind == "CONTINUATION" }
            try await expectOK(other.command("APPEND INBOX", literal: Self.appended))
            let exists = try await idler.read { $0.kind == "EXISTS" }
            #expect(exists.last?.kind == "EXISTS")
            try await expectOK(other.command("STORE 1 +FLAGS.SILENT (\\Deleted)"))
            try await expectOK(other.command("EXPUNGE"))
            _ = try await idler.read { $0.kind == "EXPUNGE" }
            try await idler.send("DONE\r\n")
            _ = try await idler.read { $0.tag == "i1" }
            #expect(idler.findings.isEmpty && other.findings.isEmpty)
            await idler.close()
            await other.close()
        }
    }

    /// Errors carry the codes a client acts on: TRYCREATE, NONEXISTENT, USEATTR, and BAD for bad syntax.
    @Test func refusalsCarryTheirResponseCodes() async throws {
        try await RunningServer.with { server, _ in
            let client = try await IMAPTestClient.connect(port: server.ports.imap)
            try await expectOK(client.command("LOGIN user3 mg-pass-3"))
            #expect(try await client.command("SELECT Nowhere").last?.status == .no)
            try await expectOK(client.command("SELECT INBOX"))
            let copy = try await client.command("COPY 1 Nowhere")
            #expect(copy.last?.status == .no && "\(copy)".uppercased().contains("TRYCREATE"))
            #expect(try await client.command("FETCH 1 (FLAGS").last?.status == .bad)
            #expect(try await client.command("FETCH 99 FLAGS").last?.status == .bad)
            let useless = try await client.command("CREATE Keep (USE (\\Important))")
            #expect(useless.last?.status == .no && "\(useless)".uppercased().contains("USEATTR"))
            #expect(client.findings.isEmpty, "\(client.findings.map(\.finding.summary))")
            await client.close()
        }
    }

    private func expectOK(_ responses: [IMAPResponse], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(responses.last?.status == .ok, "\(responses.last.map { "\($0)" } ?? "no response")", sourceLocation: sourceLocation)
    }
}
