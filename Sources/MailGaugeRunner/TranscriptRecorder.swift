import Logging
import MailGaugeResult
import MailGaugeScenario
import MailGaugeWire

/// Collects what crossed the wire, line by line, escaped and with secrets masked. Public so
/// conformance probes record transcripts exactly as scenario replays do.
///
/// A session keeps at most `maxLines`: the first half as they came, then the latest half,
/// with one line saying how many were left out between — a server that floods a session
/// with untagged lines costs a bounded transcript, report and output.
public struct TranscriptRecorder: Sendable {
    private var head: [TranscriptLine] = []
    /// The latest lines once the head is full, as a ring: `tailStart` is the oldest.
    private var tail: [TranscriptLine] = []
    private var tailStart = 0
    private var leftOut = 0
    var scrubber = SecretScrubber()
    let linesPerReply: Int
    let maxLines: Int
    let logger: Logger
    /// Off: nothing is kept or logged (a lean load session).
    let isRecording: Bool

    public init(linesPerReply: Int, maxLines: Int = 10_000, logger: Logger = Logger(label: "mailgauge") { _ in SwiftLogNoOpLogHandler() },
                isRecording: Bool = true) {
        self.linesPerReply = linesPerReply
        self.maxLines = max(maxLines, 2)
        self.logger = logger
        self.isRecording = isRecording
    }

    /// What was kept, in order, with the count of lines left out where they were.
    public var lines: [TranscriptLine] {
        guard leftOut > 0 else { return head + tail }
        let gap = TranscriptLine(connection: tail[tailStart].connection, direction: .event, text: "… \(leftOut) lines left out of the transcript …")
        return head + [gap] + tail[tailStart...] + tail[..<tailStart]
    }

    public mutating func client(_ maskedCommand: String, on connection: String) {
        guard isRecording else { return }
        append(connection, .client, scrubber.scrub(maskedCommand))
    }

    public mutating func event(_ text: String, on connection: String) {
        guard isRecording else { return }
        append(connection, .event, scrubber.scrub(text))
    }

    /// Out of line: inlined into the replay's async functions, the line would take room in
    /// the frames that every session of a load run keeps.
    @inline(never)
    private mutating func append(_ connection: String, _ direction: TranscriptLine.Direction, _ text: String) {
        let line = TranscriptLine(connection: connection, direction: direction, text: text)
        if head.count < maxLines / 2 {
            head.append(line)
        } else if tail.count < maxLines - maxLines / 2 {
            tail.append(line)
        } else {
            tail[tailStart] = line
            tailStart = (tailStart + 1) % tail.count
            leftOut += 1
        }
        logger.log(level: line.direction == .event ? .debug : .trace, "\(line.connection) \(line.direction.rawValue): \(line.text)")
    }

    /// Records a reply's wire bytes split at line ends, keeping the head of a long reply and
    /// its last line. Walks the bytes once without splitting them all: a flooded reply of ten
    /// million lines costs a count, not ten million slices. Out of line for the reason
    /// `append` is.
    @inline(never)
    public mutating func server(_ wireBytes: [UInt8], on connection: String) {
        guard isRecording else { return }
        var start = wireBytes.startIndex
        var count = 0
        var last: ArraySlice<UInt8>?
        while start < wireBytes.endIndex {
            let end = wireBytes[start...].firstIndex(of: 10) ?? wireBytes.endIndex
            let line = Self.withoutCR(wireBytes[start..<end])
            count += 1
            if count <= linesPerReply { append(connection, .server, render(line)) } else { last = line }
            start = end < wireBytes.endIndex ? end + 1 : end
        }
        guard let last else { return }
        if count > linesPerReply + 1 {
            event("… \(count - linesPerReply - 1) more lines …", on: connection)
        }
        append(connection, .server, render(last))
    }

    /// Masks the secret values of `bindings` (the password) in everything recorded from now on.
    public mutating func conceal(_ bindings: Bindings) {
        scrubber.update(from: bindings)
    }

    /// The longest line shown, in characters after escaping: a 900 KB response line is kept,
    /// in the transcript and in every step that shows it, as its start and its length.
    public static let maxRenderedLength = 4_096

    /// Escapes a line for display and masks any secret in it; a long one is cut after
    /// masking, so no cut can split a secret and show part of it.
    public func render<Line: Sequence<UInt8>>(_ line: Line) -> String {
        let shown = scrubber.scrub(ByteEscaping.escape(line))
        guard shown.utf8.count > Self.maxRenderedLength else { return shown }
        let kept = shown.prefix(Self.maxRenderedLength)
        return kept + " … \(shown.count - kept.count) more characters"
    }

    /// Lines without their CRLF (or bare LF, which the decoder has already reported).
    static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map(withoutCR)
    }

    private static func withoutCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == 13 ? line.dropLast() : line
    }
}
