/// Cuts lines out of a byte stream that arrives in arbitrary pieces.
///
/// It remembers how far it has scanned, so each byte is examined once however the stream is
/// split, and it keeps at most `maxLineLength + 1` bytes of an unfinished line: the head of
/// the line and its latest byte (which may be the CR of a CRLF). A line's outcome is therefore
/// the same whether it arrives whole or one byte at a time.
struct POP3LineFramer: Sendable {
    private var buffer: [UInt8] = []
    /// Where the current, unfinished line starts; everything before it has been handed out.
    private var lineStart = 0
    /// Where the search for LF resumes.
    private var scanIndex = 0
    /// Octets of the current line dropped for being past the limit.
    private var droppedCount = 0
    private let maxLineLength: Int

    init(maxLineLength: Int) {
        self.maxLineLength = maxLineLength
    }

    /// Bytes received and not yet handed out as a line.
    var bufferedByteCount: Int { buffer.count - lineStart }

    mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete line, or nil when more bytes are needed.
    mutating func nextLine() -> POP3Line? {
        guard let lf = buffer[scanIndex...].firstIndex(of: POP3Bytes.lf) else {
            dropExcess()
            scanIndex = buffer.count
            return nil
        }
        let endsWithCRLF = lf > lineStart && buffer[lf - 1] == POP3Bytes.cr
        let contentEnd = endsWithCRLF ? lf - 1 : lf
        let line = POP3Line(
            content: Array(buffer[lineStart..<min(contentEnd, lineStart + maxLineLength)]),
            endsWithCRLF: endsWithCRLF,
            originalLength: contentEnd - lineStart + droppedCount)
        lineStart = lf + 1
        scanIndex = lineStart
        droppedCount = 0
        compact()
        return line
    }

    /// Takes the bytes of an unfinished line (at end of stream) and empties the framer.
    mutating func takeUnterminated() -> [UInt8] {
        let rest = Array(buffer[lineStart...])
        self = POP3LineFramer(maxLineLength: maxLineLength)
        return rest
    }

    /// Keeps an unfinished line's first `maxLineLength` bytes and its latest byte, dropping the
    /// middle, so memory stays bounded while the line ending can still be recognised.
    private mutating func dropExcess() {
        let pending = buffer.count - lineStart
        guard pending > maxLineLength + 1 else { return }
        let dropped = (lineStart + maxLineLength)..<(buffer.count - 1)
        droppedCount += dropped.count
        buffer.removeSubrange(dropped)
    }

    /// Forgets handed-out bytes once they are the larger part of the buffer (amortised O(1)).
    private mutating func compact() {
        guard lineStart >= 4096, lineStart * 2 >= buffer.count else { return }
        buffer.removeSubrange(0..<lineStart)
        scanIndex -= lineStart
        lineStart = 0
    }
}
