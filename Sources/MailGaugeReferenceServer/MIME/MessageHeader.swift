/// The header section of a message or MIME part, split into fields.
struct MessageHeader: Sendable {
    let fields: [HeaderField]

    /// Splits `bytes[range]` (the header lines, without the blank line) into fields. Lines
    /// starting with a blank continue the previous field; lines without a colon are skipped.
    init(bytes: [UInt8], range: Range<Int>) {
        var fields: [HeaderField] = []
        var lineStart = range.lowerBound
        var fieldStart: Int?
        func finishField(at end: Int) {
            guard let start = fieldStart else { return }
            let raw = bytes[start..<end]
            if let colon = raw.firstIndex(of: UInt8(ascii: ":")) {
                let name = String(decoding: raw[start..<colon], as: UTF8.self)
                let unfolded = raw[(colon + 1)...].filter { $0 != 13 && $0 != 10 }
                let value = String(decoding: unfolded, as: UTF8.self).trimmingBlanks
                fields.append(HeaderField(name: name, value: value, range: start..<end))
            }
            fieldStart = nil
        }
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound && bytes[lineEnd] != 10 { lineEnd += 1 }
            lineEnd = min(lineEnd + 1, range.upperBound)
            let first = bytes[lineStart]
            if first != UInt8(ascii: " ") && first != UInt8(ascii: "\t") {
                finishField(at: lineStart)
                fieldStart = lineStart
            }
            lineStart = lineEnd
        }
        finishField(at: range.upperBound)
        self.fields = fields
    }

    /// The first field of that name (names compare case-insensitively, RFC 5322 §1.2.2).
    func value(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line ends.
    var trimmingBlanks: String {
        let blanks: Set<Character> = [" ", "\t", "\r", "\n"]
        guard let first = firstIndex(where: { !blanks.contains($0) }) else { return "" }
        let last = lastIndex(where: { !blanks.contains($0) })!
        return String(self[first...last])
    }
}
