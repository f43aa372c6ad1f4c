import NIOCore

/// Cuts command lines off the front of a connection's input. A line ends at LF; a CR before
/// it is dropped (clients should send CRLF, RFC 1939 §3, RFC 9051 §2.2, but a bare LF is
/// accepted: the server is the lenient side here, the tester is the strict one).
enum LineSplitter {
    enum Result {
        case line([UInt8])
        /// No line end yet; wait for more bytes.
        case incomplete
        /// More than `maxLength` octets without a line end: the input was dropped.
        case tooLong
    }

    static func nextLine(from input: inout ByteBuffer, maxLength: Int) -> Result {
        let view = input.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if view.count > maxLength {
                input.clear()
                return .tooLong
            }
            return .incomplete
        }
        let length = newline - view.startIndex
        var line = input.readBytes(length: length)!
        input.moveReaderIndex(forwardBy: 1)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return .line(line)
    }
}
