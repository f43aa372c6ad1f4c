/// Octets and small lexical helpers shared by the POP3 checks (ASCII, RFC 5234 core rules).
enum POP3Bytes {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let sp: UInt8 = 0x20
    static let dot = UInt8(ascii: ".")
    static let plus = UInt8(ascii: "+")
    static let slash = UInt8(ascii: "/")
    static let equals = UInt8(ascii: "=")
    static let at = UInt8(ascii: "@")
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// VCHAR (RFC 5234 App. B.1): printable ASCII without SP.
    static func isVisible(_ byte: UInt8) -> Bool { (0x21...0x7E).contains(byte) }

    /// Splits at every SP and keeps empty fields, so doubled or trailing spaces stay visible.
    static func fields<Bytes: Collection>(_ bytes: Bytes) -> [Bytes.SubSequence] where Bytes.Element == UInt8 {
        bytes.split(separator: sp, omittingEmptySubsequences: false)
    }

    /// A non-empty run of decimal digits as a number; nil for anything else or on overflow.
    static func decimal<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// `number SP number [SP anything]`, the shape shared by a STAT reply and a scan listing
    /// (RFC 1939 §5); nil when the line does not start that way.
    static func numberPair<Bytes: Collection>(_ bytes: Bytes) -> (first: Int, second: Int)? where Bytes.Element == UInt8 {
        let parts = bytes.split(separator: sp, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = decimal(parts[0]), let second = decimal(parts[1]) else { return nil }
        return (first, second)
    }

    /// Lossy UTF-8, for text meant for people.
    static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(decoding: Array(bytes), as: UTF8.self)
    }
}
