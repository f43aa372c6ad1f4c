import Testing
import MailGaugeWire

/// Frames every byte of `input`, fed in chunks of `chunk` bytes (0 = all at once).
func imapFrames(_ input: [UInt8], chunk: Int = 0, limits: IMAPFramingLimits = IMAPFramingLimits()) -> [IMAPFrame] {
    var framer = IMAPResponseFramer(limits: limits)
    var out: [IMAPFrame] = []
    let size = chunk == 0 ? max(input.count, 1) : chunk
    var start = 0
    repeat {
        framer.append(input[start..<min(start + size, input.count)])
        start += size
        while let frame = framer.nextFrame() { out.append(frame) }
    } while start < input.count
    return out
}

struct IMAPResponseFramerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: [UInt8]
        let expected: [[UInt8]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "two lines", input: Array("* OK hi\r\nA1 OK done\r\n".utf8),
             expected: [Array("* OK hi\r\n".utf8), Array("A1 OK done\r\n".utf8)]),
        Case(name: "incomplete tail is held back", input: Array("* 1 EXISTS\r\n* 2 EXI".utf8),
             expected: [Array("* 1 EXISTS\r\n".utf8)]),
        Case(name: "literal spans lines", input: Array("* 1 FETCH (BODY[] {7}\r\na\r\nb\r\n)\r\nA OK x\r\n".utf8),
             expected: [Array("* 1 FETCH (BODY[] {7}\r\na\r\nb\r\n)\r\n".utf8), Array("A OK x\r\n".utf8)]),
        Case(name: "literal with tricky content",
             input: Array("* 1 FETCH (BODY[] {16}\r\n".utf8) + [13, 10, 41, 34, 123, 53, 125, 0, 0, 34, 92, 13, 10, 123, 49, 125]
                 + Array(")\r\n".utf8),
             expected: [Array("* 1 FETCH (BODY[] {16}\r\n".utf8) + [13, 10, 41, 34, 123, 53, 125, 0, 0, 34, 92, 13, 10, 123, 49, 125]
                 + Array(")\r\n".utf8)]),
        Case(name: "literal8", input: Array("* 1 FETCH (BINARY[] ~{3}\r\n\0\r\n)\r\n".utf8),
             expected: [Array("* 1 FETCH (BINARY[] ~{3}\r\n\0\r\n)\r\n".utf8)]),
        Case(name: "non-synchronizing literal header", input: Array("* 1 FETCH (BODY[] {2+}\r\nab)\r\n".utf8),
             expected: [Array("* 1 FETCH (BODY[] {2+}\r\nab)\r\n".utf8)]),
        Case(name: "zero-length literal", input: Array("* 1 FETCH (BODY[] {0}\r\n)\r\n".utf8),
             expected: [Array("* 1 FETCH (BODY[] {0}\r\n)\r\n".utf8)]),
        Case(name: "two literals", input: Array("* LIST () {1}\r\n/ {3}\r\na b\r\n".utf8),
             expected: [Array("* LIST () {1}\r\n/ {3}\r\na b\r\n".utf8)]),
        Case(name: "brace not at line end is text", input: Array("* OK {5} text\r\n".utf8),
             expected: [Array("* OK {5} text\r\n".utf8)]),
        Case(name: "quoted string hides braces and escapes", input: Array("* LIST () \"/\" \"a\\\"{3}\"\r\nA OK\r\n".utf8),
             expected: [Array("* LIST () \"/\" \"a\\\"{3}\"\r\n".utf8), Array("A OK\r\n".utf8)]),
        Case(name: "quoted string ending in escaped backslash", input: Array("* OK \"a\\\\\" {2}\r\nxy\r\n".utf8),
             expected: [Array("* OK \"a\\\\\" {2}\r\nxy\r\n".utf8)]),
        Case(name: "unterminated quoted string ends at line end", input: Array("* OK \"abc\r\nA OK\r\n".utf8),
             expected: [Array("* OK \"abc\r\n".utf8), Array("A OK\r\n".utf8)]),
        Case(name: "lone CR is not a line end", input: Array("* OK a\rb\r\n".utf8),
             expected: [Array("* OK a\rb\r\n".utf8)]),
        Case(name: "bare LF ends a line", input: Array("* OK a\nA OK\r\n".utf8),
             expected: [Array("* OK a\n".utf8), Array("A OK\r\n".utf8)]),
        Case(name: "bare LF after literal header", input: Array("* 1 FETCH (BODY[] {2}\nab)\r\n".utf8),
             expected: [Array("* 1 FETCH (BODY[] {2}\nab)\r\n".utf8)]),
    ]

    @Test(arguments: cases)
    func framesWhole(_ c: Case) {
        #expect(imapFrames(c.input).map(\.bytes) == c.expected)
    }

    @Test(arguments: cases)
    func bytewiseFeedingMatchesWholeFeeding(_ c: Case) {
        #expect(imapFrames(c.input, chunk: 1) == imapFrames(c.input))
        #expect(imapFrames(c.input, chunk: 3) == imapFrames(c.input))
    }

    @Test func bareLineFeedIsAWarningNamedCRLF() {
        let out = imapFrames(Array("* OK a\n".utf8))
        #expect(out.count == 1)
        #expect(out[0].findings.map(\.rule) == ["CRLF"])
        #expect(out[0].findings[0].severity == .warning)
        #expect(out[0].findings[0].bytes == Array("* OK a\n".utf8))
    }

    @Test func crlfLinesHaveNoFindings() {
        #expect(imapFrames(Array("* OK a\r\n".utf8))[0].findings.isEmpty)
    }

    struct LimitCase: Sendable, CustomTestStringConvertible {
        let rule: String
        let limits: IMAPFramingLimits
        let input: [UInt8]
        var testDescription: String { rule }
    }

    static let limitCases: [LimitCase] = [
        LimitCase(rule: "limit-line-length", limits: IMAPFramingLimits(maxLineLength: 10),
                  input: Array("* OK this line is long\r\nA OK\r\n".utf8)),
        LimitCase(rule: "limit-literal-size", limits: IMAPFramingLimits(maxLiteralSize: 4),
                  input: Array("* 1 FETCH (BODY[] {8}\r\n12345678)\r\nA OK\r\n".utf8)),
        LimitCase(rule: "limit-response-size", limits: IMAPFramingLimits(maxResponseSize: 20),
                  input: Array("* 1 FETCH (BODY[] {8}\r\n12345678)\r\nA OK\r\n".utf8)),
    ]

    @Test(arguments: limitCases)
    func exceededLimitTruncatesAndRecovers(_ c: LimitCase) {
        for chunk in [0, 1, 5] {
            let out = imapFrames(c.input, chunk: chunk, limits: c.limits)
            #expect(out.count == 2)
            #expect(out[0].isTruncated)
            #expect(out[0].findings.map(\.rule) == [c.rule])
            #expect(out[0].findings.first?.severity == .violation)
            #expect(out[1] == IMAPFrame(bytes: Array("A OK\r\n".utf8)))
            #expect(out == imapFrames(c.input, limits: c.limits))
        }
    }

    /// An oversized literal is reported when announced, before any of its octets (a hostile
    /// `{99999999999}` may never send them); the octets that do come are neither buffered nor
    /// framed, and framing resumes after the response.
    @Test func anOversizedLiteralIsReportedWhenAnnouncedAndItsOctetsDiscarded() {
        var framer = IMAPResponseFramer(limits: IMAPFramingLimits(maxLiteralSize: 10))
        framer.append(Array("* 1 FETCH (BODY[] {100000}\r\n".utf8))
        let early = framer.nextFrame()
        #expect(early?.isTruncated == true)
        #expect(early?.findings.map(\.message) == ["literal of 100000 bytes announced, above the limit of 10; the rest of this response is discarded"])
        for _ in 0..<100 {
            framer.append([UInt8](repeating: 65, count: 1000))
            #expect(framer.nextFrame() == nil)
            #expect(framer.bufferedByteCount == 0)
        }
        framer.append(Array(")\r\nA OK\r\n".utf8))
        #expect(framer.nextFrame() == IMAPFrame(bytes: Array("A OK\r\n".utf8)))
    }

    @Test func largeStreamScansLinearly() {
        let line = Array("* 1 FETCH (UID 1 BODY[] {10}\r\n0123456789)\r\n".utf8)
        var input: [UInt8] = []
        for _ in 0..<20_000 { input += line }
        #expect(imapFrames(input, chunk: 7).count == 20_000)
    }
}
