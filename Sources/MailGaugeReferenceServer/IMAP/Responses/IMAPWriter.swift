/// Builds server responses as octets (RFC 9051 §7, §9): text, strings chosen as quoted or
/// literal by their content, NIL, and line ends (a bare LF under the `bareLineFeeds` fault).
struct IMAPWriter {
    private(set) var bytes: [UInt8] = []
    let lineEnd: [UInt8]

    init(faults: Set<Fault>) {
        lineEnd = faults.contains(.bareLineFeeds) ? [10] : [13, 10]
    }

    mutating func text(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Ends the current line.
    mutating func endLine() {
        bytes.append(contentsOf: lineEnd)
    }

    /// Drops what was written after `count` octets, to take back a response that failed part-way.
    mutating func truncate(to count: Int) {
        bytes.removeSubrange(count...)
    }

    /// One complete line: `text` and the line end.
    mutating func line(_ text: String) {
        self.text(text)
        endLine()
    }

    /// `string`: quoted when every octet is a 7-bit QUOTED-CHAR and it is short, else a literal
    /// (RFC 9051 §4.3: CR, LF, NUL and 8-bit octets cannot be quoted).
    mutating func string<Bytes: Collection>(_ value: Bytes) where Bytes.Element == UInt8 {
        let quotable = value.count <= 1024 && value.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        guard quotable else { return literal(value) }
        bytes.append(UInt8(ascii: "\""))
        for byte in value {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func string(_ value: String) {
        string(Array(value.utf8))
    }

    /// `nstring = string / nil`
    mutating func nstring(_ value: String?) {
        if let value { string(value) } else { text("NIL") }
    }

    /// `literal = "{" number "}" CRLF *CHAR8`; `~{n}` (`literal8`, RFC 3516 §4.3) when it holds NUL.
    mutating func literal<Bytes: Collection>(_ value: Bytes) where Bytes.Element == UInt8 {
        text((value.contains(0) ? "~{" : "{") + "\(value.count)}")
        bytes.append(contentsOf: [13, 10])
        bytes.append(contentsOf: value)
    }

    /// A mailbox name as `astring`: an atom when it can be one, else a string (RFC 9051 §9 `mailbox`).
    mutating func mailbox(_ name: String) {
        let utf8 = Array(name.utf8)
        if !utf8.isEmpty && utf8.allSatisfy({ IMAPCommandParser.isAtomChar($0) || $0 == UInt8(ascii: "]") }) {
            bytes.append(contentsOf: utf8)
        } else {
            string(utf8)
        }
    }
}
