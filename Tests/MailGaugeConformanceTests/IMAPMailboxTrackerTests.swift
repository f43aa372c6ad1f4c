@testable import MailGaugeConformance
import MailGaugeWire
import Testing

/// The tracker on hand-made response sequences: each state rule, broken once.
struct IMAPMailboxTrackerTests {
    private func rules(_ steps: [(String, [IMAPResponse])]) -> [String] {
        var tracker = IMAPMailboxTracker()
        var rules: [String] = []
        for (command, responses) in steps {
            tracker.begin(command)
            for response in responses { rules += tracker.observe(response, bytes: []).map(\.rule) }
        }
        return rules
    }

    private func code(_ code: IMAPResponseCode) -> IMAPResponse {
        .untagged(.condition(IMAPStatusResponse(status: .ok, text: IMAPResponseText(code: code, text: ""))))
    }

    private let selected: (String, [IMAPResponse]) = ("SELECT INBOX", [.untagged(.exists(2))])

    @Test func aConsistentSessionHasNoFindings() {
        let findings = rules([("SELECT INBOX", [.untagged(.exists(2)), code(.uidValidity(7)), code(.uidNext(10))]),
                              ("FETCH 1:* (UID)", [.untagged(.fetch(1, [.uid(3)])), .untagged(.fetch(2, [.uid(9)]))]),
                              ("NOOP", [.untagged(.expunge(1))]),
                              ("SELECT INBOX", [.untagged(.exists(1)), code(.uidValidity(7))])])
        #expect(findings.isEmpty)
    }

    @Test func sequenceNumberAboveExists() {
        #expect(rules([selected, ("FETCH 3 (FLAGS)", [.untagged(.fetch(3, [.flags([])]))])]) == ["imap.state.sequence-above-exists"])
    }

    @Test func expungeDuringFetch() {
        #expect(rules([selected, ("FETCH 1 (FLAGS)", [.untagged(.expunge(2))])]) == ["imap.state.expunge-during-command"])
    }

    @Test func uidsOutOfOrder() {
        #expect(rules([selected, ("UID FETCH 1:* (UID)", [.untagged(.fetch(1, [.uid(5)])), .untagged(.fetch(2, [.uid(4)]))])])
                == ["imap.state.uids-not-ascending"])
    }

    @Test func uidNotBelowUIDNext() {
        #expect(rules([("SELECT INBOX", [.untagged(.exists(1)), code(.uidNext(4))]), ("FETCH 1 (UID)", [.untagged(.fetch(1, [.uid(4)]))])])
                == ["imap.state.uidnext-not-above-uids"])
    }

    @Test func uidValidityChangesBetweenSelections() {
        #expect(rules([("SELECT INBOX", [code(.uidValidity(1))]), ("EXAMINE INBOX", [code(.uidValidity(2))])])
                == ["imap.state.uidvalidity-changed"])
    }

    @Test func modSeqGoesDown() {
        #expect(rules([selected, ("UID STORE 3 +FLAGS (\\Seen)", [.untagged(.fetch(1, [.uid(3), .modSeq(20)])),
                                                                   .untagged(.fetch(1, [.uid(3), .modSeq(19)]))])])
                == ["imap.state.modseq-decreased"])
    }
}

@Suite struct IMAPMailboxTrackerRecreationTests {
    /// A mailbox deleted and created again may come back with a new UIDVALIDITY.
    @Test func deletedMailboxMayChangeUIDValidity() {
        var tracker = IMAPMailboxTracker()
        let validity = { (value: UInt32) in IMAPResponse.untagged(.condition(IMAPStatusResponse(status: .ok, text: IMAPResponseText(code: .uidValidity(value), text: "")))) }
        tracker.begin("SELECT Box")
        #expect(tracker.observe(validity(7), bytes: []).isEmpty)
        tracker.begin("SELECT Box")
        #expect(tracker.observe(validity(8), bytes: []).map(\.rule) == ["imap.state.uidvalidity-changed"])
        tracker.begin("DELETE Box")
        tracker.begin("SELECT Box")
        #expect(tracker.observe(validity(9), bytes: []).isEmpty)
    }
}
