import MailGaugeWire

/// `first SP second` pairs from POP3 lines (STAT, scan listings, unique-id listings; RFC 1939
/// §5, §7). The decoder has already reported malformed lines; they are left out here.
package enum POP3ListingPairs {
    package static func parse(_ lines: PackedLines) -> [(number: Int, value: String)] {
        lines.compactMap(pair)
    }

    /// The pair after `+OK ` in a single-line reply.
    package static func statusPair(_ reply: POP3Response) -> (number: Int, value: String)? {
        guard reply.status == .ok else { return nil }
        return pair(Array(reply.statusLine.dropFirst(4)))
    }

    private static func pair(_ line: some Collection<UInt8>) -> (number: Int, value: String)? {
        let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: true)
        guard fields.count >= 2, let number = Int(String(decoding: fields[0], as: UTF8.self)) else { return nil }
        return (number, String(decoding: fields[1], as: UTF8.self))
    }
}
