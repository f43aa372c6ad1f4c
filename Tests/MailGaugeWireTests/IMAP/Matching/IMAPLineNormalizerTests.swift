import Testing
@testable import MailGaugeWire

private func normalized(_ text: String, _ ordering: IMAPLineNormalizer.Ordering = .asSent) -> String {
    let units = IMAPLineNormalizer(ordering: ordering).normalize(IMAPLineUnit.octets(text.utf8))
    return String(decoding: units.compactMap(\.octet), as: UTF8.self)
}

/// Pairs that mean the same and must read the same, and pairs that do not, one rule each.
@Suite struct IMAPLineNormalizerTests {
    @Test(arguments: [
        // A string's value, whatever its encoding (RFC 9051 §4.3).
        ("* LIST () \"/\" \"INBOX\"", "* LIST () \"/\" INBOX"),
        ("* LIST () \"/\" {5}\r\nMyBox", "* LIST () \"/\" MyBox"),
        ("* 1 FETCH (ENVELOPE (\"a b\" NIL))", "* 1 FETCH (ENVELOPE ({3}\r\na b NIL))"),
        ("* SEARCH (\"SUBJECT\")", "* SEARCH (SUBJECT)"),
        // Status and data words, response codes, capabilities, item names are case-insensitive.
        ("a1 ok [read-write] done", "a1 OK [READ-WRITE] done"),
        ("* 4 exists", "* 4 EXISTS"),
        ("* ok [uidnext 5] x", "* OK [UIDNEXT 5] x"),
        ("* capability imap4rev1 idle", "* CAPABILITY IMAP4rev1 IDLE"),
        ("* OK [capability imap4rev1] hi", "* OK [CAPABILITY IMAP4REV1] hi"),
        ("* 1 fetch (uid 5 rfc822.size 10)", "* 1 FETCH (UID 5 RFC822.SIZE 10)"),
        ("* 1 FETCH (BODY[header.fields (subject)] NIL)", "* 1 FETCH (BODY[HEADER.FIELDS (SUBJECT)] NIL)"),
        ("* STATUS x (messages 1)", "* STATUS x (MESSAGES 1)"),
        // System flags and mailbox attributes are case-insensitive.
        ("* FLAGS (\\seen \\Answered)", "* FLAGS (\\Seen \\ANSWERED)"),
        ("* LIST (\\noselect) \"/\" x", "* LIST (\\Noselect) \"/\" x"),
        // INBOX is, as a mailbox name (RFC 9051 §5.1).
        ("* LIST () \"/\" inbox", "* LIST () \"/\" INBOX"),
        ("* STATUS \"Inbox\" (MESSAGES 1)", "* STATUS INBOX (MESSAGES 1)"),
        // A date-time's day, padded or zero-filled.
        ("* 1 FETCH (INTERNALDATE \" 1-Feb-2024 12:00:00 +0000\")", "* 1 FETCH (INTERNALDATE \"01-Feb-2024 12:00:00 +0000\")"),
    ])
    func equivalentEncodingsReadAlike(one: String, other: String) {
        #expect(normalized(one) == normalized(other))
    }

    @Test(arguments: [
        // NIL is nil, not the string "NIL".
        ("* 1 FETCH (ENVELOPE (NIL))", "* 1 FETCH (ENVELOPE (\"NIL\"))"),
        // Keywords and other mailbox names keep their case; so does resp-text.
        ("* FLAGS ($Junk)", "* FLAGS ($junk)"),
        ("* LIST () \"/\" Drafts", "* LIST () \"/\" drafts"),
        ("a1 OK done", "a1 OK DONE"),
        // A flag cannot be a quoted string.
        ("* FLAGS (\\Seen)", "* FLAGS (\"\\\\Seen\")"),
        // Whitespace is not loosened.
        ("* 4 EXISTS", "* 4  EXISTS"),
        // Only the day of a date-time is padded.
        ("* 1 FETCH (X \" 1 a\")", "* 1 FETCH (X \"01 a\")"),
        // The tag is the client's, its case matters.
        ("a1 OK x", "A1 OK x"),
    ])
    func differentMeaningsReadApart(one: String, other: String) {
        #expect(normalized(one) != normalized(other))
    }

    @Test(arguments: [
        ("* 1 FETCH (UID 5 FLAGS (\\Seen))", "* 1 FETCH (FLAGS (\\Seen) UID 5)"),
        ("* 1 FETCH (FLAGS (\\Seen \\Flagged $Junk))", "* 1 FETCH (FLAGS ($Junk \\Flagged \\Seen))"),
        ("* FLAGS (\\Seen \\Draft)", "* FLAGS (\\Draft \\Seen)"),
        ("* OK [PERMANENTFLAGS (\\Seen \\*)] x", "* OK [PERMANENTFLAGS (\\* \\Seen)] x"),
    ])
    func sortedOrderingIgnoresTheOrderOfItemsAndFlags(one: String, other: String) {
        #expect(normalized(one, .sorted) == normalized(other, .sorted))
        #expect(normalized(one, .asSent) != normalized(other, .asSent))
    }

    @Test func listsOtherThanItemsAndFlagsKeepTheirOrder() {
        let envelope = "* 1 FETCH (ENVELOPE (\"a\" \"b\"))"
        #expect(normalized(envelope, .sorted) != normalized("* 1 FETCH (ENVELOPE (\"b\" \"a\"))", .sorted))
    }

    @Test func aContinuationsTextIsLeftAlone() {
        #expect(normalized("+ ok") == "+ ok")
    }

    @Test func holesStayInPlaceAndTheirStringsQuoteIfNeeded() {
        let units = IMAPLineUnit.octets("* LIST (".utf8) + [.hole(0)] + IMAPLineUnit.octets(") \"/\" ".utf8) + [.hole(1)]
        let output = IMAPLineNormalizer(ordering: .sorted).normalize(units)
        #expect(output == IMAPLineUnit.octets("* LIST (".utf8).map { .octet($0.octet!) } + [.quoteIfNeeded, .hole(0), .quoteIfNeeded]
            + IMAPLineUnit.octets(") / ".utf8).map { .octet($0.octet!) } + [.quoteIfNeeded, .hole(1), .quoteIfNeeded])
    }

    @Test func aListWithAHoleAmongItsFlagsKeepsItsOrder() {
        let units = IMAPLineUnit.octets("* FLAGS (\\Seen ".utf8) + [.hole(0)] + IMAPLineUnit.octets(" \\Answered)".utf8)
        let rendered = IMAPLineNormalizer(ordering: .sorted).normalize(units)
        #expect(rendered.firstIndex(of: .hole(0))! < rendered.lastIndex(of: .octet(UInt8(ascii: "A")))!)
        #expect(rendered.firstIndex(of: .octet(UInt8(ascii: "S")))! < rendered.firstIndex(of: .hole(0))!)
    }

    /// A hostile server's 100,000-deep body structure (closed, then left open) reads as sent;
    /// below `IMAPLineTree.maxDepth` it stays flat, so it neither overflows the stack nor costs
    /// time quadratic in its depth.
    @Test(arguments: [")", ""])
    func aHostilelyDeepListReadsAsSent(closing: String) {
        let deep = "* 1 FETCH (BODYSTRUCTURE " + String(repeating: "(x ", count: 100_000) + String(repeating: closing, count: 100_000) + ")"
        #expect(normalized(deep) == deep)
    }
}
