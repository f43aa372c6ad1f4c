/// One MIME entity (RFC 2045 §2.4) of a stored message: where its header and body lie in the
/// message's octets, its content type, and its sub-parts. IMAP's BODYSTRUCTURE, ENVELOPE and
/// BODY[section] are all read from this tree (RFC 9051 §6.4.5, §7.5.2).
final class MIMEPart: Sendable {
    /// The type a part has when it has no Content-Type: text/plain, except inside
    /// multipart/digest, where it is message/rfc822 (RFC 2046 §5.1.5).
    enum DefaultType: Sendable { case textPlain, messageRFC822 }

    let header: MessageHeader
    /// The header lines plus the blank line that ends them (BODY[HEADER], BODY[x.MIME]).
    let headerRange: Range<Int>
    /// Everything after the blank line (BODY[TEXT], BODY[x]).
    let bodyRange: Range<Int>
    /// Lower-case media type and subtype, e.g. `text` / `plain`.
    let type: String
    let subtype: String
    let contentType: HeaderParameters?
    /// The parts of a multipart body, in order (RFC 2046 §5.1).
    let children: [MIMEPart]
    /// The message inside a message/rfc822 body (RFC 2046 §5.2.1).
    let encapsulated: MIMEPart?

    init(parsing bytes: [UInt8], range: Range<Int>, defaultType: DefaultType) {
        let headerEnd = Self.endOfHeader(bytes, range)
        headerRange = range.lowerBound..<headerEnd.bodyStart
        bodyRange = headerEnd.bodyStart..<range.upperBound
        header = MessageHeader(bytes: bytes, range: range.lowerBound..<headerEnd.fieldsEnd)
        let contentType = header.value("Content-Type").map(HeaderParameters.init)
        let fullType = contentType?.value.lowercased().split(separator: "/", maxSplits: 1).map(String.init) ?? []
        if fullType.count == 2, !fullType[0].isEmpty, !fullType[1].isEmpty {
            (type, subtype) = (fullType[0], fullType[1])
            self.contentType = contentType
        } else {
            (type, subtype) = defaultType == .messageRFC822 ? ("message", "rfc822") : ("text", "plain")
            self.contentType = nil
        }
        if type == "multipart", let boundary = contentType?.parameter("boundary"), !boundary.isEmpty {
            let childDefault: DefaultType = subtype == "digest" ? .messageRFC822 : .textPlain
            children = Self.split(bytes, bodyRange, boundary: Array(boundary.utf8))
                .map { MIMEPart(parsing: bytes, range: $0, defaultType: childDefault) }
            encapsulated = nil
        } else if type == "message" && subtype == "rfc822" {
            children = []
            encapsulated = MIMEPart(parsing: bytes, range: bodyRange, defaultType: .textPlain)
        } else {
            children = []
            encapsulated = nil
        }
    }

    var isMultipart: Bool { type == "multipart" && !children.isEmpty }

    /// Where the header fields end and where the body starts: after the first empty line. A
    /// part with no empty line is all header; one starting with an empty line has no fields.
    private static func endOfHeader(_ bytes: [UInt8], _ range: Range<Int>) -> (fieldsEnd: Int, bodyStart: Int) {
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            if bytes[lineStart] == 10 { return (lineStart, lineStart + 1) }
            if bytes[lineStart] == 13 && lineStart + 1 < range.upperBound && bytes[lineStart + 1] == 10 {
                return (lineStart, lineStart + 2)
            }
            guard let newline = bytes[lineStart..<range.upperBound].firstIndex(of: 10) else { break }
            lineStart = newline + 1
        }
        return (range.upperBound, range.upperBound)
    }

    /// The ranges of a multipart body's parts (RFC 2046 §5.1.1): between delimiter lines
    /// `--boundary`, the CRLF before each delimiter belonging to the delimiter; preamble and
    /// epilogue are dropped.
    private static func split(_ bytes: [UInt8], _ body: Range<Int>, boundary: [UInt8]) -> [Range<Int>] {
        let delimiter = Array("--".utf8) + boundary
        var parts: [Range<Int>] = []
        var partStart: Int?
        var lineStart = body.lowerBound
        while lineStart < body.upperBound {
            let newline = bytes[lineStart..<body.upperBound].firstIndex(of: 10)
            let lineEnd = newline.map { $0 + 1 } ?? body.upperBound
            if bytes[lineStart..<lineEnd].starts(with: delimiter) {
                let contentEnd = lineStart >= 2 && bytes[lineStart - 2] == 13 ? lineStart - 2 : max(lineStart - 1, body.lowerBound)
                if let start = partStart { parts.append(start..<max(start, contentEnd)) }
                let isClose = bytes[(lineStart + delimiter.count)..<lineEnd].starts(with: Array("--".utf8))
                if isClose { return parts }
                partStart = lineEnd
            }
            lineStart = lineEnd
        }
        if let start = partStart { parts.append(start..<body.upperBound) }
        return parts
    }

    /// The part that an IMAP section number names (RFC 9051 §6.4.5): in a multipart, its
    /// n-th child; in a message/rfc822 part, the parts of the message inside; in a message
    /// that is not multipart, part 1 is its body.
    func part(at path: [Int]) -> MIMEPart? {
        var node = self
        for (depth, number) in path.enumerated() {
            let container = depth > 0 ? (node.encapsulated ?? node) : node
            if container.isMultipart {
                guard number >= 1 && number <= container.children.count else { return nil }
                node = container.children[number - 1]
            } else if number == 1 && (depth == 0 || node.encapsulated != nil) {
                node = container
            } else {
                return nil
            }
        }
        return node
    }

    /// Lines in the body: the line count of BODYSTRUCTURE for text and message parts.
    func bodyLineCount(_ bytes: [UInt8]) -> Int {
        let body = bytes[bodyRange]
        let newlines = body.count { $0 == 10 }
        return newlines + (body.last.map { $0 == 10 ? 0 : 1 } ?? 0)
    }
}
