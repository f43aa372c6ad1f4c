// Decoding throughput of MailGaugeWire's IMAP framer and parser on a synthetic FETCH stream:
// the shape of a client downloading a mailbox (FLAGS, UID, RFC822.SIZE, ENVELOPE,
// BODYSTRUCTURE and a BODY[] literal per message). Build with -c release.
import MailGaugeWire

let messageCount = 20_000
let runs = 5

/// A message body of roughly `size` bytes, with bytes that framing must not misread.
func body(_ index: Int, size: Int) -> [UInt8] {
    var bytes = Array("From: Alice <alice@example.com>\r\nSubject: Message \(index) {5}\r\n\r\n".utf8)
    let line = Array("Lorem ipsum (dolor) \"sit\" amet, consectetur adipiscing elit {12}\r\n".utf8)
    while bytes.count + line.count <= size { bytes += line }
    return bytes
}

func fetchResponse(_ index: Int) -> [UInt8] {
    let content = body(index, size: 3000)
    let head = "* \(index) FETCH (FLAGS (\\Seen $Forwarded) UID \(1000 + index) RFC822.SIZE \(content.count) "
        + "ENVELOPE (\"Tue, 14 May 2024 09:12:45 +0200\" \"Message \(index)\" ((\"Alice Example\" NIL \"alice\" \"example.com\")) "
        + "((\"Alice Example\" NIL \"alice\" \"example.com\")) ((\"Alice Example\" NIL \"alice\" \"example.com\")) "
        + "((\"Bob\" NIL \"bob\" \"example.org\")(\"Carol\" NIL \"carol\" \"example.net\")) NIL NIL NIL \"<\(index)@example.com>\") "
        + "BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 236 9 NIL NIL NIL NIL)"
        + "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 1202 31 NIL NIL NIL NIL) "
        + "\"alternative\" (\"boundary\" \"=_2f3c9d\") NIL NIL NIL) BODY[] {\(content.count)}\r\n"
    return Array(head.utf8) + content + Array(")\r\n".utf8)
}

let stream = (1...messageCount).flatMap(fetchResponse) + Array("a1 OK Fetch completed (0.123 + 0.000 secs).\r\n".utf8)

/// Decodes the whole stream fed in 64 KiB reads, as from a socket; returns responses decoded.
func decode(_ stream: [UInt8]) -> Int {
    var decoder = IMAPResponseDecoder(expectsGreeting: false)
    var decoded = 0
    var start = 0
    while start < stream.count {
        decoder.append(stream[start..<min(start + 65_536, stream.count)])
        start += 65_536
        while let next = decoder.next() {
            precondition(next.response != nil && next.findings.isEmpty, "benchmark stream must parse cleanly")
            decoded += 1
        }
    }
    return decoded
}

func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) / 1e18
}

func formatted(_ value: Double) -> String {
    let tenths = Int(value * 10 + 0.5)
    return "\(tenths / 10).\(tenths % 10)"
}

let clock = ContinuousClock()
var best = Duration.seconds(1_000_000)
var responses = 0
for _ in 0..<runs {
    let elapsed = clock.measure { responses = decode(stream) }
    best = min(best, elapsed)
}
let time = seconds(best)
let megabytes = Double(stream.count) / 1_000_000
print("imap-parser-bench: \(responses) responses, \(formatted(megabytes)) MB, best of \(runs) runs")
print("  \(formatted(time * 1000)) ms  \(formatted(megabytes / time)) MB/s  \(Int(Double(responses) / time)) responses/s")
