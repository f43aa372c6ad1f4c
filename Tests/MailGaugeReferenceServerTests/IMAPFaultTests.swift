import MailGaugeClient
import MailGaugeReferenceServer
import MailGaugeWire
import Testing

/// The IMAP faults: grammar faults produce decoder findings; state faults are shown by the
/// responses two sessions see, next to the fault-free behaviour.
struct IMAPFaultTests {
    @Test(arguments: [Fault.imapBadAtom, .imapEmptyAddressListParens, .bareLineFeeds])
    func grammarFaultIsFoundByTheDecoder(fault: Fault) async throws {
        try await RunningServer.with(.init(faults: [fault], threads: 1)) { server, _ in
            let client = try await IMAPTestClient.connect(port: server.ports.imap)
            try await client.command("LOGIN user1 mg-pass-1")
            try await client.command("SELECT INBOX")
            try await client.command("FETCH 1 ENVELOPE")
            await client.close()
            #expect(!client.findings.isEmpty, "\(fault) went unnoticed")
        }
    }

    /// Two sessions add different flags to the same message: both must stick (RFC 9051 §6.4.6).
    @Test(arguments: [false, true])
    func concurrentFlagChanges(faulty: Bool) async throws {
        try await RunningServer.with(.init(faults: faulty ? [.lostConcurrentFlags] : [], threads: 1)) { server, _ in
            let first = try await IMAPTestClient.connect(port: server.ports.imap)
            let second = try await IMAPTestClient.connect(port: server.ports.imap)
            for client in [first, second] {
                try await client.command("LOGIN user1 mg-pass-1")
                try await client.command("SELECT INBOX")
            }
            try await first.command("STORE 1 +FLAGS.SILENT (\\Flagged)")
            try await second.command("STORE 1 +FLAGS.SILENT (\\Answered)")
            let flags = "\(try await first.command("FETCH 1 FLAGS"))"
            #expect(flags.contains("Flagged") == !faulty, "\(flags)")
            #expect(flags.contains("Answered"))
            await first.close()
            await second.close()
        }
    }

    /// \Recent goes to exactly one session (RFC 3501 §2.3.2).
    @Test(arguments: [false, true])
    func recentIsGivenToOneSession(faulty: Bool) async throws {
        try await RunningServer.with(.init(faults: faulty ? [.recentInTwoSessions] : [], threads: 1)) { server, _ in
            let appender = try await IMAPTestClient.connect(port: server.ports.imap)
            try await appender.command("LOGIN user1 mg-pass-1")
            try await appender.command("APPEND Archive", literal: IMAPGrammarTests.appended)
            var recentCounts: [String] = []
            for _ in 0..<2 {
                let client = try await IMAPTestClient.connect(port: server.ports.imap)
                try await client.command("LOGIN user1 mg-pass-1")
                try await client.command("SELECT Archive")
                recentCounts.append(client.frames.contains("* 1 RECENT\r\n") ? "1" : "0")
                await client.close()
            }
            #expect(recentCounts == (faulty ? ["1", "1"] : ["1", "0"]))
            await appender.close()
        }
    }

    /// UIDNEXT must exceed every UID in use; UIDVALIDITY must not change between selects.
    @Test(arguments: [Fault.uidNextTooLow, .uidValidityChanges, .uidsNotAscending])
    func uidFaultsShowInSelectAndFetch(fault: Fault) async throws {
        try await RunningServer.with(.init(faults: [fault], threads: 1)) { server, _ in
            let client = try await IMAPTestClient.connect(port: server.ports.imap)
            try await client.command("LOGIN user1 mg-pass-1")
            try await client.command("SELECT INBOX")
            try await client.command("SELECT INBOX")
            try await client.command("FETCH 1:2 UID")
            let frames = client.frames
            switch fault {
            case .uidNextTooLow: #expect(frames.contains { $0.hasPrefix("* OK [UIDNEXT 5]") }, "\(frames)")
            case .uidValidityChanges: #expect(Set(frames.filter { $0.hasPrefix("* OK [UIDVALIDITY") }).count == 2, "\(frames)")
            default: #expect(frames.contains("* 1 FETCH (UID 5)\r\n"), "\(frames)")
            }
            await client.close()
        }
    }
}
