/// Chooses the shape checks a complete response gets from what it answers.
enum POP3ResponseChecker {
    static func findings(
        context: POP3ReplyContext, statusLine: [UInt8], parsed: POP3StatusLine,
        code: POP3ResponseCode?, body: [[UInt8]]?
    ) -> [Finding] {
        if parsed.isContinuation {
            return POP3AuthContinuation.findings(line: statusLine, challenge: parsed.text)
        }
        var findings = code?.findings(status: parsed.status, verb: context.verb, line: statusLine) ?? []
        if statusLine.contains(where: { $0 >= 0x80 }) {
            // RFC 2449 §3: text is CHAR (7-bit); UTF-8 text is for sessions that negotiated it (RFC 6856).
            findings.append(POP3Rule.utf8.finding(
                "status line contains non-ASCII octets", statusLine.prefix(80), severity: .warning))
        }
        switch (context, parsed.status) {
        case (.greeting, _):
            findings += POP3Greeting.findings(status: parsed.status, line: statusLine)
        case (.singleLine(let verb), .ok?):
            findings += singleLineFindings(verb: verb.uppercased(), text: parsed.text, line: statusLine)
        case (.multiLine(let verb), _):
            findings += body.map { bodyFindings(verb: verb.uppercased(), body: $0) } ?? []
        default:
            break
        }
        return findings
    }

    private static func singleLineFindings(verb: String, text: ArraySlice<UInt8>, line: [UInt8]) -> [Finding] {
        switch verb {
        case "STAT": return POP3StatReply.findings(text: text, line: line)
        case "LIST": return POP3ScanListing.findings(text: text, line: line)
        case "UIDL": return POP3UniqueIDListing.findings(text: text, line: line)
        default: return []
        }
    }

    private static func bodyFindings(verb: String, body: [[UInt8]]) -> [Finding] {
        switch verb {
        case "CAPA": return POP3Capability.findings(body: body)
        case "LIST": return POP3ScanListing.findings(body: body)
        case "UIDL": return POP3UniqueIDListing.findings(body: body)
        default: return []
        }
    }
}
