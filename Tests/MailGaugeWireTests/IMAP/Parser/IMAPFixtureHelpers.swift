import MailGaugeWire

// Builders shared by the IMAP fixtures; prefixed because the test target is shared with other protocols.

/// `{n}CRLF` followed by `content`: a literal as servers send it.
func imapLiteral(_ content: String) -> String {
    "{\(content.utf8.count)}\r\n" + content
}

func imapStatus(_ status: IMAPStatus, _ code: IMAPResponseCode?, _ text: String) -> IMAPStatusResponse {
    IMAPStatusResponse(status: status, text: IMAPResponseText(code: code, text: text))
}

func imapStatus(_ condition: IMAPStatus, _ text: String) -> IMAPStatusResponse {
    imapStatus(condition, nil, text)
}

func imapUntaggedOK(_ code: IMAPResponseCode?, _ text: String) -> IMAPResponse {
    .untagged(.condition(imapStatus(.ok, code, text)))
}

/// Decodes one fixture fed in chunks of `chunk` bytes (0 = whole) and returns every result.
func imapDecodeAll(_ fixture: IMAPParserFixture, chunk: Int = 0) -> [IMAPDecodeRecord] {
    var decoder = IMAPResponseDecoder(options: IMAPParserOptions(version: fixture.version), expectsGreeting: fixture.isGreeting)
    var records: [IMAPDecodeRecord] = []
    let size = chunk == 0 ? fixture.wire.count : chunk
    var start = 0
    while start < fixture.wire.count {
        decoder.append(fixture.wire[start..<min(start + size, fixture.wire.count)])
        start += size
        while let next = decoder.next() {
            records.append(IMAPDecodeRecord(response: next.response, frame: next.frame, findings: next.findings))
        }
    }
    return records
}
