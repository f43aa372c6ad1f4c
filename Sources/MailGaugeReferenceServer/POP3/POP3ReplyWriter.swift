/// Turns replies into POP3 wire octets (RFC 1939 §3): status lines, and multi-line content
/// byte-stuffed and ended by a lone dot. The faults that corrupt framing live here.
struct POP3ReplyWriter {
    let faults: Set<Fault>

    private var lineEnd: [UInt8] { faults.contains(.bareLineFeeds) ? [10] : [13, 10] }

    /// `+OK text` or `-ERR text`; the text may start with a response code (RFC 2449 §8).
    func status(_ ok: Bool, _ text: String) -> [UInt8] {
        let indicator = ok ? (faults.contains(.badStatusIndicator) ? "+ok" : "+OK") : "-ERR"
        return Array((text.isEmpty ? indicator : indicator + " " + text).utf8) + lineEnd
    }

    /// A positive status line followed by `lines`, each stuffed, then the terminator.
    func multiline(_ text: String, lines: [String]) -> [UInt8] {
        multiline(text, content: lines.flatMap { Array($0.utf8) + [13, 10] })
    }

    /// A positive status line followed by CRLF-separated `content`: lines starting with "."
    /// get a second dot (unless `unstuffedDots`), and a missing final CRLF is added so the
    /// terminator stands on its own line.
    func multiline(_ text: String, content: ArraySlice<UInt8>) -> [UInt8] {
        var out = status(true, text)
        out.reserveCapacity(out.count + content.count + content.count / 20 + 8)
        let stuff = !faults.contains(.unstuffedDots)
        var lineStart = content.startIndex
        while lineStart < content.endIndex {
            let newline = content[lineStart...].firstIndex(of: 10)
            var lineEndIndex = newline ?? content.endIndex
            if lineEndIndex > lineStart && content[lineEndIndex - 1] == 13 { lineEndIndex -= 1 }
            if stuff && content[lineStart] == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(contentsOf: content[lineStart..<lineEndIndex])
            out.append(contentsOf: lineEnd)
            lineStart = newline.map { $0 + 1 } ?? content.endIndex
        }
        out.append(UInt8(ascii: "."))
        out.append(contentsOf: lineEnd)
        return out
    }

    func multiline(_ text: String, content: [UInt8]) -> [UInt8] {
        multiline(text, content: content[...])
    }
}
