/// One line cut from the stream, ended by CRLF or (leniently) by a bare LF.
struct POP3Line: Sendable {
    /// The line without its ending, cut to `POP3Limits.maxLineLength`.
    var content: [UInt8]
    /// Whether the line ended in CRLF rather than a bare LF.
    var endsWithCRLF: Bool
    /// The content length as sent, before any cut.
    var originalLength: Int

    /// The bytes kept from the stream for this line: content and its ending.
    var wireBytes: [UInt8] {
        content + (endsWithCRLF ? [POP3Bytes.cr, POP3Bytes.lf] : [POP3Bytes.lf])
    }

    /// Findings about how the line was framed, whatever the line means.
    func framingFindings(limits: POP3Limits) -> [Finding] {
        var findings: [Finding] = []
        // Leniency: a bare LF still ends the line, so a sloppy server cannot stall the decoder.
        if !endsWithCRLF {
            findings.append(POP3Rule.lineEnding.finding("line ends in a bare LF instead of CRLF", wireBytes))
        }
        if content.contains(POP3Bytes.cr) {
            findings.append(POP3Rule.lineEnding.finding("bare CR inside a line", wireBytes))
        }
        if originalLength > limits.maxLineLength {
            findings.append(POP3Rule.decoderLimit.finding(
                "line of \(originalLength) octets exceeds the decoder limit of \(limits.maxLineLength); the excess was dropped",
                content.prefix(80), severity: .warning))
        }
        return findings
    }

    /// The 512-octet response-line limit, counted with its CRLF as the RFCs count it
    /// (RFC 1939 §3, RFC 2449 §3 and §4).
    func lengthFindings(what: String, reference: String) -> [Finding] {
        let octets = originalLength + 2
        guard octets > 512 else { return [] }
        return [POP3Rule.lineLength.finding(
            "\(what) is \(octets) octets including CRLF, over the 512-octet maximum",
            content.prefix(80), reference: reference)]
    }
}
