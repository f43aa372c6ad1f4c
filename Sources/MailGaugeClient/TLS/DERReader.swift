/// Just enough DER (ITU-T X.690 §8.1, §10.1) to walk an X.509 certificate: one element at a
/// time as tag, definite length and content. Only low tag numbers (below 31), which is all a
/// certificate's outer structure and names use.
struct DERReader {
    /// Bytes that are not the DER the caller expected here.
    struct Malformed: Error {}

    enum Tag {
        static let integer: UInt8 = 0x02
        static let objectIdentifier: UInt8 = 0x06
        static let utcTime: UInt8 = 0x17
        static let generalizedTime: UInt8 = 0x18
        static let sequence: UInt8 = 0x30
        static let set: UInt8 = 0x31
        /// `[0] EXPLICIT`, as the certificate's version field is tagged (RFC 5280 §4.1).
        static let contextSpecific0: UInt8 = 0xA0
    }

    struct Element {
        var tag: UInt8
        var content: ArraySlice<UInt8>
        /// The whole element, tag and length included.
        var encoding: ArraySlice<UInt8>
    }

    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { bytes.isEmpty }
    var nextTag: UInt8? { bytes.first }

    mutating func read() throws(Malformed) -> Element {
        var index = bytes.startIndex
        guard bytes.count >= 2, bytes[index] & 0x1F != 0x1F else { throw Malformed() }
        let tag = bytes[index]
        let first = bytes[index + 1]
        index += 2
        var length = Int(first)
        if first >= 0x80 {
            // Long form; 0x80 alone would be BER's indefinite length, which DER forbids.
            let count = Int(first & 0x7F)
            guard (1...4).contains(count), bytes.endIndex - index >= count else { throw Malformed() }
            length = bytes[index..<(index + count)].reduce(0) { $0 << 8 | Int($1) }
            index += count
        }
        guard bytes.endIndex - index >= length else { throw Malformed() }
        let end = index + length
        defer { bytes = bytes[end...] }
        return Element(tag: tag, content: bytes[index..<end], encoding: bytes[bytes.startIndex..<end])
    }

    /// The next element, which must carry `tag`.
    mutating func read(_ tag: UInt8) throws(Malformed) -> Element {
        let element = try read()
        guard element.tag == tag else { throw Malformed() }
        return element
    }

    /// A reader over the content of the next element, which must carry `tag` (a SEQUENCE or SET).
    mutating func enter(_ tag: UInt8) throws(Malformed) -> DERReader {
        DERReader(try read(tag).content)
    }
}
