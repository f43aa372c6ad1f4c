/// The `section` of BODY[…] / BINARY[…] (RFC 9051 §6.4.5): a part path, then what of it.
struct SectionSpecifier: Sendable, Equatable {
    enum Text: Sendable, Equatable {
        case header
        case headerFields([String])
        case headerFieldsNot([String])
        case text
        case mime
    }

    /// `1.2.3`; empty for the whole message.
    var part: [Int] = []
    var text: Text?

    /// The section as the response names it, e.g. `1.HEADER.FIELDS (FROM SUBJECT)`.
    var description: String {
        var pieces = part.map(String.init)
        switch text {
        case nil: break
        case .header: pieces.append("HEADER")
        case .headerFields(let names): pieces.append("HEADER.FIELDS (\(names.map { $0.uppercased() }.joined(separator: " ")))")
        case .headerFieldsNot(let names): pieces.append("HEADER.FIELDS.NOT (\(names.map { $0.uppercased() }.joined(separator: " ")))")
        case .text: pieces.append("TEXT")
        case .mime: pieces.append("MIME")
        }
        return pieces.joined(separator: ".")
    }
}
