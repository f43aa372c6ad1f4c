/// The positive reply to STAT (RFC 1939 §5): "+OK" SP message-count SP maildrop-size, after
/// which the RFC makes no requirement.
enum POP3StatReply {
    static func findings(text: ArraySlice<UInt8>, line: [UInt8]) -> [Finding] {
        guard POP3Bytes.numberPair(text) == nil else { return [] }
        return [POP3Rule.statReply.finding(
            "STAT reply is not \"+OK\" SP message-count SP size-in-octets", line.prefix(80))]
    }
}
