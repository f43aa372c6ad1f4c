import Foundation
import MailGaugeWire

/// Follows one IMAP session's view of its selected mailbox through every response and reports
/// where the server contradicts itself — the state rules no single reply can break:
///
/// - a sequence number above the message count (RFC 9051 §2.3.1.2, §7.4.1);
/// - EXPUNGE during FETCH, STORE or SEARCH (RFC 9051 §7.5.1);
/// - UIDs not strictly ascending with sequence numbers, or not below UIDNEXT (RFC 9051 §2.3.1.1);
/// - UIDVALIDITY changing between selections of one mailbox, unless the session deleted or
///   renamed it in between (RFC 9051 §2.3.1.1);
/// - a message's MODSEQ or the mailbox's HIGHESTMODSEQ going down (RFC 7162 §3.1.1).
///
/// Pure: it sees parsed responses, never a connection.
struct IMAPMailboxTracker {
    private var mailbox: String?
    private var command = ""
    private var exists: UInt32 = 0
    /// Messages present when the mailbox was selected: their UIDs must be below that UIDNEXT.
    private var existedAtSelect: UInt32 = 0
    private var uidNextAtSelect: UInt32?
    private var uidsBySequence: [UInt32: UInt32] = [:]
    private var modSeqByUID: [UInt32: UInt64] = [:]
    private var highestModSeq: UInt64 = 0
    /// UIDVALIDITY per mailbox name over the whole session.
    private var uidValidity: [String: UInt32] = [:]

    /// Starts tracking a command: SELECT and EXAMINE open a fresh view of their mailbox.
    mutating func begin(_ commandLine: String) {
        let words = commandLine.split(separator: " ").map(String.init)
        command = words.first?.uppercased() ?? ""
        // A deleted or renamed-away mailbox is a new mailbox if its name is used again: its
        // UIDVALIDITY may rightly differ (RFC 9051 §2.3.1.1; MailboxRecreationProbe checks it).
        if ["DELETE", "RENAME"].contains(command), words.count > 1 {
            uidValidity[words[1].trimmingCharacters(in: ["\""]).uppercased()] = nil
        }
        if ["SELECT", "EXAMINE"].contains(command), words.count > 1 {
            mailbox = words[1].trimmingCharacters(in: ["\""])
            exists = 0
            existedAtSelect = 0
            uidNextAtSelect = nil
            uidsBySequence = [:]
            modSeqByUID = [:]
            highestModSeq = 0
        }
    }

    /// The findings `response` adds to the session's history.
    mutating func observe(_ response: IMAPResponse, bytes: [UInt8]) -> [Finding] {
        var findings: [Finding] = []
        func report(_ rule: String, _ reference: String, _ message: String) {
            findings.append(Finding(rule: "imap.state.\(rule)", reference: reference, message: message, bytes: Array(bytes.prefix(200))))
        }
        if let code = response.responseCode { observe(code, report) }
        guard case .untagged(let data) = response else { return findings }
        switch data {
        case .exists(let count):
            exists = count
            if ["SELECT", "EXAMINE"].contains(command) { existedAtSelect = count }
        case .expunge(let number):
            if ["FETCH", "STORE", "SEARCH"].contains(command) {
                report("expunge-during-command", "RFC 9051 §7.5.1", "EXPUNGE sent during \(command), which must not send one")
            }
            if number > exists { report("sequence-above-exists", "RFC 9051 §7.4.1", "EXPUNGE \(number) with only \(exists) messages") }
            expunge(number)
        case .fetch(let number, let attributes):
            if number > exists || number == 0 {
                report("sequence-above-exists", "RFC 9051 §2.3.1.2", "FETCH for message \(number) with only \(exists) messages")
            }
            if let uid = data.uid { observeUID(uid, at: number, report) }
            for case .modSeq(let modSeq) in attributes {
                guard let uid = data.uid ?? uidsBySequence[number] else { continue }
                if let previous = modSeqByUID[uid], modSeq < previous {
                    report("modseq-decreased", "RFC 7162 §3.1.1", "MODSEQ of UID \(uid) went from \(previous) down to \(modSeq)")
                }
                modSeqByUID[uid] = modSeq
            }
        default: break
        }
        return findings
    }

    private mutating func observe(_ code: IMAPResponseCode, _ report: (String, String, String) -> Void) {
        switch code {
        case .uidValidity(let value):
            guard let mailbox else { return }
            if let previous = uidValidity[mailbox.uppercased()], previous != value {
                report("uidvalidity-changed", "RFC 9051 §2.3.1.1", "UIDVALIDITY of \(mailbox) changed from \(previous) to \(value) within the session")
            }
            uidValidity[mailbox.uppercased()] = value
        case .uidNext(let value) where ["SELECT", "EXAMINE"].contains(command):
            uidNextAtSelect = value
            if let highest = uidsBySequence.values.max(), highest >= value {
                report("uidnext-not-above-uids", "RFC 9051 §2.3.1.1", "UIDNEXT \(value) is not above UID \(highest)")
            }
        case .highestModSeq(let value):
            if value < highestModSeq {
                report("highestmodseq-decreased", "RFC 7162 §3.1.1", "HIGHESTMODSEQ went from \(highestModSeq) down to \(value)")
            }
            highestModSeq = value
        default: break
        }
    }

    private mutating func observeUID(_ uid: UInt32, at number: UInt32, _ report: (String, String, String) -> Void) {
        uidsBySequence[number] = uid
        let misordered = uidsBySequence.contains { other in
            (other.key < number && other.value >= uid) || (other.key > number && other.value <= uid)
        }
        if misordered { report("uids-not-ascending", "RFC 9051 §2.3.1.1", "UID \(uid) of message \(number) is out of order with the other messages' UIDs") }
        if number <= existedAtSelect, let uidNext = uidNextAtSelect, uid >= uidNext {
            report("uidnext-not-above-uids", "RFC 9051 §2.3.1.1", "UID \(uid) of message \(number) is not below UIDNEXT \(uidNext)")
        }
    }

    private mutating func expunge(_ number: UInt32) {
        exists = exists > 0 ? exists - 1 : 0
        if existedAtSelect >= number { existedAtSelect -= 1 }
        var shifted: [UInt32: UInt32] = [:]
        for (sequence, uid) in uidsBySequence where sequence != number {
            shifted[sequence > number ? sequence - 1 : sequence] = uid
        }
        uidsBySequence = shifted
    }
}
