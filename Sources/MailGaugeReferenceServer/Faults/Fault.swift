/// One deliberate protocol defect the reference server can be told to commit, so a test can
/// prove that MailGauge's checks catch it. Each fault breaks exactly one rule, named in
/// `reference`; with no faults the server aims to follow the RFCs everywhere.
public enum Fault: String, Sendable, Hashable, CaseIterable, Codable {
    // MARK: Both protocols

    /// Lines end in a bare LF instead of CRLF. Breaks RFC 1939 §3 ("terminated by a CRLF pair")
    /// and RFC 9051 §2.2 (every line ends with CRLF). IMAP literal contents are left alone, so
    /// their announced lengths stay true.
    case bareLineFeeds
    /// POP3: the greeting is padded past 512 octets, breaking RFC 2449 §4 (a response line is
    /// at most 512 octets, CRLF included). IMAP: the greeting text is padded past 8192 octets,
    /// the line length RFC 7162 §4 tells servers clients may rely on.
    case longLines
    /// POP3 STLS / IMAP STARTTLS: bytes the client pipelined after the command in the same
    /// segment are kept and answered *after* the handshake, as if they came through TLS — the
    /// plaintext command injection of CVE-2011-0411. RFC 2595 §4 and RFC 9051 §6.2.1 require
    /// the server to discard them.
    case startTLSInjection
    /// One extra plaintext byte follows the STLS `+OK` / STARTTLS `OK` before the handshake.
    /// RFC 2595 §4 / RFC 9051 §6.2.1: the TLS negotiation begins immediately after the CRLF.
    case dataAfterStartTLSOK
    /// STLS / STARTTLS is still advertised once TLS is active (a second STLS is still refused).
    /// RFC 2595 §4: POP3 CAPA must not list STLS after it; RFC 9051 §6.2.1: nor IMAP STARTTLS.
    case startTLSAdvertisedAfterTLS
    /// STLS is accepted in the TRANSACTION state and IMAP STARTTLS after login. RFC 2595 §4:
    /// STLS is valid only in the AUTHORIZATION state; RFC 9051 §6.2.1: only before authentication.
    case startTLSAllowedAfterAuth

    // MARK: POP3

    /// RETR and TOP send content lines that begin with "." without doubling the dot.
    /// RFC 1939 §3 (byte-stuffing of multi-line responses).
    case unstuffedDots
    /// Positive replies start `+ok` instead of `+OK`. RFC 1939 §3: the status indicators are
    /// "+OK" and "-ERR" in upper case.
    case badStatusIndicator
    /// STAT answers `+OK n messages` without the size. RFC 1939 §5: "+OK nn mm".
    case malformedStat
    /// UIDL gives the second message the unique-id of the first. RFC 1939 §7: unique-ids are
    /// unique within a maildrop.
    case duplicateUIDL
    /// STAT's octet total is one more than the sum of the LIST sizes. RFC 1939 §5 (STAT counts
    /// the same octets LIST does).
    case statListMismatch
    /// LIST (and so STAT) reports sizes seven octets larger than what RETR sends. RFC 1939 §5:
    /// the size is the exact octet count of the message as sent.
    case listSizeMismatch
    /// Messages marked with DELE are removed when the connection drops without QUIT.
    /// RFC 1939 §6: deletions happen only in the UPDATE state, entered by QUIT.
    case deleteWithoutQuit

    // MARK: IMAP

    /// Every untagged FLAGS response lacks its closing parenthesis. RFC 9051 §9 (`flag-list`).
    case imapBadAtom
    /// ENVELOPE writes an absent address list as `()` instead of NIL. RFC 9051 §9
    /// (`env-cc = "(" 1*address ")" / nil`): a leniency many clients accept.
    case imapEmptyAddressListParens
    /// Expunges by other sessions are announced in the middle of a FETCH, STORE or SEARCH.
    /// RFC 9051 §7.5.1 / RFC 3501 §7.4.1: an EXPUNGE response must not be sent then.
    case expungeDuringFetch
    /// The seed messages get UIDs in descending order of their sequence numbers, and a message
    /// appended to a mailbox that has others swaps UIDs with the one before it.
    /// RFC 9051 §2.3.1.1: UIDs are strictly ascending in the mailbox.
    case uidsNotAscending
    /// SELECT, EXAMINE and STATUS report UIDNEXT equal to the highest UID in use, not above it.
    /// RFC 9051 §2.3.1.1: the next UID is greater than every UID assigned so far.
    case uidNextTooLow
    /// Every SELECT/EXAMINE reports a new UIDVALIDITY though UIDs have not changed.
    /// RFC 9051 §2.3.1.1: UIDVALIDITY changes only when UIDs are reassigned.
    case uidValidityChanges
    /// A mailbox created (again) under a name gets the same UIDVALIDITY every time, and its
    /// UIDs start at 1 again. RFC 9051 §2.3.1.1: a (UIDVALIDITY, UID) pair names one message
    /// for ever, so a re-created mailbox needs a new UIDVALIDITY or UIDs above the old ones.
    case recreatedMailboxReusesUIDs
    /// STORE +FLAGS / -FLAGS writes back the session's possibly stale view of the flags, so a
    /// concurrent change by another session is lost. RFC 9051 §6.4.6 (+FLAGS adds to the
    /// message's flags) and §5.2 (the state is shared between sessions).
    case lostConcurrentFlags
    /// With `requireTLSForLogin`, LOGINDISABLED is advertised on plain connections but LOGIN is
    /// carried out anyway, the password checked. RFC 3501 §7.2.1: the server "will respond with
    /// a tagged NO response to any attempt to use the LOGIN command even if the user name and
    /// password are valid".
    case loginDespiteLoginDisabled
    /// STORE reads the flags, waits 50 ms, then writes what it read changed: a STORE another
    /// session makes in between is lost (a read-modify-write race). RFC 9051 §6.4.6 and §5.2.
    case nonAtomicStore
    /// Every flag change hands out a lower MODSEQ than the one before.
    /// RFC 7162 §3.1.1: mod-sequences strictly increase with every change.
    case modseqDecreases
    /// A new message is reported with \Recent to every session that selects the mailbox.
    /// RFC 3501 §2.3.2: \Recent is set in one session only.
    case recentInTwoSessions
    /// Every account logs in to the same mailboxes: a mailbox one user creates is another's
    /// too. RFC 2342 §3: the personal namespace is in the personal scope of the user who
    /// authenticated.
    case accountsShareMailboxes

    /// Where the rule this fault breaks is written down.
    public var reference: String {
        switch self {
        case .bareLineFeeds: "RFC 1939 §3; RFC 9051 §2.2"
        case .longLines: "RFC 2449 §4; RFC 7162 §4"
        case .startTLSInjection, .dataAfterStartTLSOK, .startTLSAdvertisedAfterTLS, .startTLSAllowedAfterAuth:
            "RFC 2595 §4; RFC 9051 §6.2.1"
        case .unstuffedDots, .badStatusIndicator: "RFC 1939 §3"
        case .malformedStat, .statListMismatch, .listSizeMismatch: "RFC 1939 §5"
        case .duplicateUIDL: "RFC 1939 §7"
        case .deleteWithoutQuit: "RFC 1939 §6"
        case .imapBadAtom, .imapEmptyAddressListParens: "RFC 9051 §9"
        case .expungeDuringFetch: "RFC 9051 §7.5.1"
        case .uidsNotAscending, .uidNextTooLow, .uidValidityChanges, .recreatedMailboxReusesUIDs: "RFC 9051 §2.3.1.1"
        case .lostConcurrentFlags, .nonAtomicStore: "RFC 9051 §6.4.6"
        case .loginDespiteLoginDisabled: "RFC 3501 §7.2.1"
        case .modseqDecreases: "RFC 7162 §3.1.1"
        case .recentInTwoSessions: "RFC 3501 §2.3.2"
        case .accountsShareMailboxes: "RFC 2342 §3"
        }
    }
}
