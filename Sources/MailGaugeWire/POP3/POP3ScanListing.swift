/// Scan listings, the lines of a LIST reply (RFC 1939 §5): message-number SP size-in-octets,
/// after which the RFC makes no requirement.
enum POP3ScanListing {
    /// `+OK n size` in reply to `LIST n`.
    static func findings(text: ArraySlice<UInt8>, line: [UInt8]) -> [Finding] {
        listingFindings(text, line: line).findings
    }

    /// The lines of a multi-line LIST reply.
    static func check(body: PackedLines, into findings: inout FindingTally) {
        var sequence = POP3ListingSequence(rule: .scanListing)
        for slice in body {
            let line = Array(slice)
            let (number, lineFindings) = listingFindings(line[...], line: line)
            findings.add(lineFindings + (number.map { sequence.record($0, line: line) } ?? []))
        }
    }

    private static func listingFindings(_ listing: ArraySlice<UInt8>, line: [UInt8]) -> (number: Int?, findings: [Finding]) {
        guard let pair = POP3Bytes.numberPair(listing) else {
            return (nil, [POP3Rule.scanListing.finding("scan listing is not message-number SP size-in-octets", line)])
        }
        guard pair.first >= 1 else {
            return (nil, [POP3Rule.scanListing.finding("message numbers start at 1", line)])
        }
        return (pair.first, [])
    }
}
