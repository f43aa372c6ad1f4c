import NIOCore

/// Cuts whole IMAP commands off the connection's input (RFC 9051 §2.2, §4.3): a command is a
/// line, unless the line ends with a literal announcement `{n}` / `{n+}`, in which case the
/// `n` octets after it and the next line belong to the same command.
///
/// For a synchronising literal `{n}` the framer asks the session to send the `+` continuation
/// once; a non-synchronising one (`{n+}`, RFC 7888 LITERAL+) gets none.
struct IMAPCommandFramer {
    enum Result {
        /// A complete command, its final line end removed.
        case command([UInt8])
        /// Not complete; `needsContinuation` is set when a synchronising literal waits for `+`.
        case incomplete(needsContinuation: Bool)
        /// A line over `maxLineLength`, or a literal over `maxLiteralSize`: the input was dropped.
        case tooLarge(prefix: [UInt8])
    }

    /// RFC 7162 §4 recommends accepting lines of 8192 octets; this allows more.
    var maxLineLength = 65_536
    var maxLiteralSize = 64 << 20
    /// The offset just past the literal announcement that was last answered with `+`.
    private var continuedAt: Int?

    mutating func next(from input: inout ByteBuffer) -> Result {
        let view = input.readableBytesView
        let start = view.startIndex
        var lineStart = start
        while true {
            guard let newline = view[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else {
                if view.endIndex - lineStart > maxLineLength { return drop(&input) }
                return .incomplete(needsContinuation: false)
            }
            guard let literal = Self.literalAnnouncement(view[lineStart..<newline]) else {
                var end = newline
                if end > start && view[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let command = Array(view[start..<end])
                input.moveReaderIndex(forwardBy: newline + 1 - start)
                continuedAt = nil
                return .command(command)
            }
            guard literal.size <= maxLiteralSize else { return drop(&input) }
            let literalStart = newline + 1
            if view.endIndex - literalStart >= literal.size {
                lineStart = literalStart + literal.size
                continue
            }
            let offset = literalStart - start
            let needsContinuation = literal.synchronizing && continuedAt != offset
            if needsContinuation { continuedAt = offset }
            return .incomplete(needsContinuation: needsContinuation)
        }
    }

    private mutating func drop(_ input: inout ByteBuffer) -> Result {
        let prefix = Array(input.readableBytesView.prefix(64))
        input.clear()
        continuedAt = nil
        return .tooLarge(prefix: prefix)
    }

    /// `{n}` or `{n+}` at the end of a line (before an optional CR), or nil.
    static func literalAnnouncement<Line: BidirectionalCollection<UInt8>>(_ line: Line) -> (size: Int, synchronizing: Bool)? where Line.Index == Int {
        var end = line.endIndex
        if end > line.startIndex && line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > line.startIndex, line[end - 1] == UInt8(ascii: "}") else { return nil }
        end -= 1
        guard end > line.startIndex else { return nil }
        let synchronizing = line[end - 1] != UInt8(ascii: "+")
        if !synchronizing { end -= 1 }
        var digitsStart = end
        while digitsStart > line.startIndex && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[digitsStart - 1]) { digitsStart -= 1 }
        guard digitsStart < end, digitsStart > line.startIndex, line[digitsStart - 1] == UInt8(ascii: "{"),
              end - digitsStart <= 10, let size = Int(String(decoding: line[digitsStart..<end], as: UTF8.self)) else { return nil }
        return (size, synchronizing)
    }
}
