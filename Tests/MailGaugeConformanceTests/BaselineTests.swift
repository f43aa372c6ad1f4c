import MailGaugeConformance
import Testing

struct BaselineTests {
    let baseline = Baseline(entries: [.init(id: "imap/a.scn", reason: "RFC 9051 §6.4.5: accepted"),
                                      .init(id: "pop3/b.scn", reason: "RFC 1939 §5: accepted")])

    @Test func aFailureNotListedIsNew() {
        let summary = baseline.compare(failed: ["imap/a.scn", "imap/c.scn"], ran: ["imap/a.scn", "imap/c.scn"], suites: ["imap4rev1"], file: nil)
        #expect(summary.newFailures == ["imap/c.scn"])
        #expect(summary.acceptedFailures.map(\.id) == ["imap/a.scn"])
        #expect(!summary.passed)
    }

    @Test func aListedCaseThatPassesIsStale() {
        let summary = baseline.compare(failed: [], ran: ["imap/a.scn"], suites: ["imap4rev1"], file: "b.txt")
        #expect(summary.staleEntries == ["imap/a.scn"])
        #expect(summary.newFailures.isEmpty)
        #expect(!summary.passed)
    }

    @Test func listedFailuresThatStillFailPass() {
        let summary = baseline.compare(failed: ["imap/a.scn"], ran: ["imap/a.scn", "imap/d.scn"], suites: ["imap4rev1"], file: nil)
        #expect(summary.passed)
        #expect(summary.acceptedFailures == [.init(id: "imap/a.scn", reason: "RFC 9051 §6.4.5: accepted")])
    }

    /// `intermittent:` accepts a deviation either way: failing, or passing this time.
    @Test(arguments: [[String](), ["probes/race"]])
    func anIntermittentEntryIsAcceptedAndNeverStale(failed: [String]) {
        let racy = Baseline(entries: [.init(id: "probes/race", reason: "intermittent: RFC 9051 §6.4.6: loses a flag under load")])
        let summary = racy.compare(failed: failed, ran: ["probes/race"], suites: ["imap4rev1"], file: "b.txt")
        #expect(summary.passed)
        #expect(summary.staleEntries.isEmpty)
        #expect(summary.acceptedFailures.map(\.id) == failed)
    }

    /// An entry for a case that was skipped or belongs to a suite not run says nothing now.
    @Test func anEntryWhoseCaseDidNotRunIsNotStale() {
        let summary = baseline.compare(failed: [], ran: ["imap/d.scn"], suites: ["imap4rev1"], file: nil)
        #expect(summary.staleEntries.isEmpty)
        #expect(summary.passed)
    }

    @Test func writtenBaselineParsesBackWithThePlaceholder() throws {
        let written = Baseline(accepting: ["imap/a.scn", "probes/x"])
        let parsed = try Baseline(parsing: written.text, file: "w.txt")
        #expect(parsed == written)
        #expect(parsed.entries.allSatisfy { $0.reason == Baseline.placeholderReason })
    }

    @Test func parsesCommentsAndReasonsWithSpaces() throws {
        let parsed = try Baseline(parsing: "# comment\n\nimap/a.scn   RFC 9051 §6.4.5: the server does X\n", file: "b.txt")
        #expect(parsed.entries == [.init(id: "imap/a.scn", reason: "RFC 9051 §6.4.5: the server does X")])
    }

    @Test func anEntryWithoutReasonIsAnError() {
        #expect(throws: BaselineError.self) { try Baseline(parsing: "imap/a.scn\n", file: "b.txt") }
        #expect(throws: BaselineError.self) { try Baseline(parsing: "a r\na again\n", file: "b.txt") }
    }
}
