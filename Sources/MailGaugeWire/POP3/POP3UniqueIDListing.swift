/// Unique-id listings, the lines of a UIDL reply (RFC 1939 §7): message-number SP unique-id,
/// where the unique-id is 1 to 70 octets in 0x21-0x7E and unique within the maildrop.
enum POP3UniqueIDListing {
    /// `+OK n uid` in reply to `UIDL n`.
    static func findings(text: ArraySlice<UInt8>, line: [UInt8]) -> [Finding] {
        listingFindings(text, line: line).findings
    }

    /// The lines of a multi-line UIDL reply.
    static func check(body: PackedLines, into findings: inout FindingTally) {
        var sequence = POP3ListingSequence(rule: .uniqueIDListing)
        var uids: Set<ArraySlice<UInt8>> = []
        for slice in body {
            let line = Array(slice)
            let listing = listingFindings(line[...], line: line)
            findings.add(listing.findings)
            guard let (number, uid) = listing.parsed else { continue }
            findings.add(sequence.record(number, line: line))
            if !uids.insert(uid).inserted {
                findings.add(POP3Rule.uniqueIDListing.finding(
                    "unique-id \(ByteEscaping.escape(uid)) is given to more than one message", line))
            }
        }
    }

    private static func listingFindings(
        _ listing: ArraySlice<UInt8>, line: [UInt8]
    ) -> (parsed: (number: Int, uid: ArraySlice<UInt8>)?, findings: [Finding]) {
        let fields = POP3Bytes.fields(listing)
        guard fields.count == 2, let number = POP3Bytes.decimal(fields[0]), number >= 1 else {
            return (nil, [POP3Rule.uniqueIDListing.finding(
                "unique-id listing is not message-number (from 1) SP unique-id", line)])
        }
        let uid = fields[1]
        guard (1...70).contains(uid.count), uid.allSatisfy(POP3Bytes.isVisible) else {
            return (nil, [POP3Rule.uniqueIDListing.finding(
                "unique-id must be 1 to 70 octets in 0x21-0x7E", line)])
        }
        return ((number, uid), [])
    }
}
