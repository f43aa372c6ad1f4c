/// The octets a BODY[section] names (RFC 9051 §6.4.5). Nil when the part does not exist.
enum SectionExtractor {
    static func bytes(of section: SectionSpecifier, in content: MessageContent) -> ArraySlice<UInt8>? {
        let bytes = content.bytes
        guard let part = content.root.part(at: section.part) else { return nil }
        // HEADER and TEXT of a message/rfc822 part mean those of the message inside it.
        let message = section.part.isEmpty ? part : part.encapsulated
        switch section.text {
        case nil:
            return section.part.isEmpty ? bytes[...] : bytes[part.bodyRange]
        case .mime:
            return bytes[part.headerRange]
        case .text:
            return message.map { bytes[$0.bodyRange] }
        case .header:
            return message.map { bytes[$0.headerRange] }
        case .headerFields(let names), .headerFieldsNot(let names):
            guard let message else { return nil }
            let wanted = Set(names.map { $0.lowercased() })
            let keep: Bool
            if case .headerFields = section.text { keep = true } else { keep = false }
            var out: [UInt8] = []
            for field in message.header.fields where wanted.contains(field.name.lowercased()) == keep {
                out.append(contentsOf: bytes[field.range])
            }
            out.append(contentsOf: [13, 10])
            return out[...]
        }
    }
}
