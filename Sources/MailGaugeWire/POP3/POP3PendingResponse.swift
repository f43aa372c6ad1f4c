/// A response whose first line has arrived and whose multi-line body may still be arriving.
///
/// Lines are absorbed as they are framed, so a large RETR body is walked once, not rescanned.
struct POP3PendingResponse {
    let context: POP3ReplyContext
    private let statusLine: [UInt8]
    private let parsed: POP3StatusLine
    private let limits: POP3Limits
    /// nil for a single-line response; the unstuffed lines so far for a multi-line one.
    private var body: PackedLines?
    private var bodyOctets = 0
    /// Once a line did not fit, no later one is kept either (a short line after a long one
    /// would leave a gap in the body).
    private var bodyLimitReached = false
    private var wireBytes: [UInt8]
    private var findings: FindingTally
    /// Whether the multi-line terminator has arrived; a single-line response is complete at once.
    private(set) var isComplete: Bool

    init(firstLine: POP3Line, context: POP3ReplyContext, limits: POP3Limits) {
        self.context = context
        self.limits = limits
        statusLine = firstLine.content
        parsed = POP3StatusLine(statusLine, allowsContinuation: context == .authContinuation)
        wireBytes = firstLine.wireBytes
        findings = FindingTally(firstLine.framingFindings(limits: limits) + parsed.findings)
        // RFC 5034 §4 challenges are not status lines; SASL tokens may be long.
        if !parsed.isContinuation {
            findings.add(firstLine.lengthFindings(what: "status line", reference: "RFC 1939 §3; RFC 2449 §4"))
        }
        body = context.hasBodyWhenPositive && parsed.looksPositive ? [] : nil
        isComplete = body == nil
    }

    /// Bytes this response has taken from the stream so far.
    var consumedByteCount: Int { wireBytes.count }

    /// Takes the next line of a multi-line body: a content line or the terminator.
    mutating func absorb(_ line: POP3Line) {
        findings.add(line.framingFindings(limits: limits))
        // RFC 1939 §3: a line of a single "." ends the response.
        if line.content == [POP3Bytes.dot] {
            wireBytes += line.wireBytes
            isComplete = true
            return
        }
        if context.bodyLinesAreBounded {
            findings.add(line.lengthFindings(
                what: "listing line", reference: context.verb == "CAPA" ? "RFC 2449 §3" : "RFC 1939 §3"))
        }
        let content = unstuffed(line.content)
        guard !bodyLimitReached, bodyOctets + content.count <= limits.maxBodyBytes, (body?.count ?? 0) < limits.maxBodyLines else {
            reportBodyLimitOnce(line)
            return
        }
        bodyOctets += content.count
        body?.append(content)
        wireBytes += line.wireBytes
    }

    /// RFC 1939 §3: a content line starting with "." was sent with an extra "." prepended.
    /// A line of "." followed by anything but "." was not stuffed; its content is kept as sent,
    /// since an unstuffed original is the only way such a line arises.
    private mutating func unstuffed(_ content: [UInt8]) -> ArraySlice<UInt8> {
        guard content.first == POP3Bytes.dot else { return content[...] }
        if content.count > 1, content[1] == POP3Bytes.dot {
            return content.dropFirst()
        }
        findings.add(POP3Rule.byteStuffing.finding(
            "content line starts with a single \".\"; it should have been byte-stuffed", content.prefix(80)))
        return content[...]
    }

    private mutating func reportBodyLimitOnce(_ line: POP3Line) {
        guard !bodyLimitReached else { return }
        bodyLimitReached = true
        findings.add(POP3Rule.decoderLimit.finding(
            "body exceeds the decoder limit of \(limits.maxBodyBytes) octets or \(limits.maxBodyLines) lines; later lines were not kept",
            line.content.prefix(80), severity: .warning))
    }

    /// The finished response, with the checks its context calls for.
    func response() -> POP3Response {
        let code = parsed.isContinuation ? (code: nil, findings: []) : POP3ResponseCode.parse(parsed.text)
        var findings = findings
        findings.add(code.findings)
        POP3ResponseChecker.check(context: context, statusLine: statusLine, parsed: parsed, code: code.code, body: body, into: &findings)
        return POP3Response(
            status: parsed.status,
            isContinuation: parsed.isContinuation,
            responseCode: code.code?.name,
            statusLine: statusLine,
            text: POP3Bytes.string(parsed.text),
            body: body,
            wireBytes: wireBytes,
            findings: findings.findings)
    }
}
