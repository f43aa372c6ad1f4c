/// The first line of a response, split into its status indicator and text (RFC 1939 §3,
/// RFC 2449 §3: `single-line = status [SP text] CRLF`), or an AUTH continuation.
struct POP3StatusLine: Sendable {
    var status: POP3Status?
    var isContinuation: Bool
    /// After the indicator and one SP; the whole line when the indicator is unrecognisable.
    var text: ArraySlice<UInt8>
    /// Whether the line opens like a positive reply (`+`), which is what frames a multi-line
    /// body; judged leniently so a malformed `+ok` does not make its body read as responses.
    var looksPositive: Bool
    var findings: [Finding] = []

    /// - Parameter allowsContinuation: during AUTH, `+` SP or a lone `+` is a challenge
    ///   (RFC 5034 §4), not a malformed status.
    init(_ line: [UInt8], allowsContinuation: Bool) {
        looksPositive = line.first == POP3Bytes.plus
        if allowsContinuation, looksPositive, line.count == 1 || line[1] == POP3Bytes.sp {
            status = nil
            isContinuation = true
            text = line.dropFirst(2)
            return
        }
        isContinuation = false
        let indicator = line.prefix { $0 != POP3Bytes.sp }
        status = POP3Status(rawValue: POP3Bytes.string(indicator))
        if status == nil {
            // RFC 1939 §3: servers MUST send "+OK" and "-ERR" in upper case.
            status = POP3Status(rawValue: POP3Bytes.string(indicator).uppercased())
            findings.append(POP3Rule.statusIndicator.finding(
                status == nil
                    ? "line does not start with \"+OK\" or \"-ERR\" followed by SP or end of line"
                    : "status indicator must be upper case",
                indicator.prefix(16)))
        }
        text = status == nil ? line[...] : line.dropFirst(indicator.count + 1)
    }
}
