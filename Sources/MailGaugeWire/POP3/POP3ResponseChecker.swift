/// Chooses the shape checks a complete response gets from what it answers.
enum POP3ResponseChecker {
    /// Adds the findings to `findings`, which keeps a bounded number per rule: a listing of a
    /// million malformed lines is checked line by line without a million findings kept.
    static func check(
        context: POP3ReplyContext, statusLine: [UInt8], parsed: POP3StatusLine,
        code: POP3ResponseCode?, body: PackedLines?, into findings: inout FindingTally
    ) {
        if parsed.isContinuation {
            findings.add(POP3AuthContinuation.findings(line: statusLine, challenge: parsed.text))
            return
        }
        findings.add(code?.findings(status: parsed.status, verb: context.verb, line: statusLine) ?? [])
        if statusLine.contains(where: { $0 >= 0x80 }) {
            // RFC 2449 §3: text is CHAR (7-bit); UTF-8 text is for sessions that negotiated it (RFC 6856).
            findings.add(POP3Rule.utf8.finding(
                "status line contains non-ASCII octets", statusLine.prefix(80), severity: .warning))
        }
        switch (context, parsed.status) {
        case (.greeting, _):
            findings.add(POP3Greeting.findings(status: parsed.status, line: statusLine))
        case (.singleLine(let verb), .ok?):
            findings.add(singleLineFindings(verb: verb.uppercased(), text: parsed.text, line: statusLine))
        case (.multiLine(let verb), _):
            if let body { checkBody(verb: verb.uppercased(), body: body, into: &findings) }
        default:
            break
        }
    }

    private static func singleLineFindings(verb: String, text: ArraySlice<UInt8>, line: [UInt8]) -> [Finding] {
        switch verb {
        case "STAT": return POP3StatReply.findings(text: text, line: line)
        case "LIST": return POP3ScanListing.findings(text: text, line: line)
        case "UIDL": return POP3UniqueIDListing.findings(text: text, line: line)
        default: return []
        }
    }

    private static func checkBody(verb: String, body: PackedLines, into findings: inout FindingTally) {
        switch verb {
        case "CAPA": POP3Capability.check(body: body, into: &findings)
        case "LIST": POP3ScanListing.check(body: body, into: &findings)
        case "UIDL": POP3UniqueIDListing.check(body: body, into: &findings)
        default: break
        }
    }
}
