/// Writes `* n FETCH (…)` for one message (RFC 9051 §7.5.2), item by item in the order asked,
/// with message bodies as literals.
struct FetchResponder {
    /// BINARY of a part whose Content-Transfer-Encoding is unknown (RFC 3516 §4.3: NO [UNKNOWN-CTE]).
    struct UnknownTransferEncoding: Error {}

    let faults: Set<Fault>
    /// IMAP4rev1 sessions see \Recent in FLAGS; IMAP4rev2 has none (RFC 9051 Appendix E).
    let reportsRecent: Bool
    /// Whether MODSEQ goes into every FETCH response (RFC 7162 §3.2: once CONDSTORE is enabled).
    let condStore: Bool

    func flags(_ message: StoredMessage, recent: Bool) -> String {
        "(" + (message.flags.ordered + (recent && reportsRecent ? [#"\Recent"#] : [])).joined(separator: " ") + ")"
    }

    /// Throws `UnknownTransferEncoding` part-way; the caller then drops what was written.
    func write(sequence: Int, message: StoredMessage, items: [FetchItem], recent: Bool, into writer: inout IMAPWriter) throws {
        var items = items
        if condStore && !items.contains(.modSeq) { items.append(.modSeq) }
        writer.text("* \(sequence) FETCH (")
        for (offset, item) in items.enumerated() {
            if offset > 0 { writer.text(" ") }
            try write(item, message: message, recent: recent, into: &writer)
        }
        writer.text(")")
        writer.endLine()
    }

    private func write(_ item: FetchItem, message: StoredMessage, recent: Bool, into writer: inout IMAPWriter) throws {
        let content = message.content
        let envelope = EnvelopeEncoder(faults: faults)
        switch item {
        case .flags: writer.text("FLAGS " + flags(message, recent: recent))
        case .uid: writer.text("UID \(message.uid)")
        case .internalDate:
            writer.text("INTERNALDATE ")
            writer.string(CivilDate.imapDateTime(seconds: message.internalDate))
        case .rfc822Size: writer.text("RFC822.SIZE \(content.size)")
        case .modSeq: writer.text("MODSEQ (\(message.modSeq))")
        case .envelope:
            writer.text("ENVELOPE ")
            envelope.write(content.root.header, into: &writer)
        case .bodyStructure, .body:
            writer.text(item == .body ? "BODY " : "BODYSTRUCTURE ")
            BodyStructureEncoder(bytes: content.bytes, envelope: envelope, extensible: item == .bodyStructure)
                .write(content.root, into: &writer)
        case .bodySection(let section, let partial, _):
            writer.text("BODY[\(section.description)]")
            writeSlice(SectionExtractor.bytes(of: section, in: content), partial, into: &writer)
        case .binary(let part, let partial, _):
            writer.text("BINARY[\(part.map(String.init).joined(separator: "."))]")
            writeSlice(try decoded(part, content)?[...], partial, into: &writer)
        case .binarySize(let part):
            writer.text("BINARY.SIZE[\(part.map(String.init).joined(separator: "."))] \(try decoded(part, content)?.count ?? 0)")
        case .rfc822:
            writer.text("RFC822 ")
            writer.literal(content.bytes)
        case .rfc822Header:
            writer.text("RFC822.HEADER ")
            writer.literal(content.bytes[content.root.headerRange])
        case .rfc822Text:
            writer.text("RFC822.TEXT ")
            writer.literal(content.bytes[content.root.bodyRange])
        }
    }

    /// `<origin>` after the section when partial, then the octets as a literal (NIL if absent).
    private func writeSlice(_ bytes: ArraySlice<UInt8>?, _ partial: FetchItem.Partial?, into writer: inout IMAPWriter) {
        guard var bytes else { return writer.text(" NIL") }
        if let partial {
            writer.text("<\(partial.origin)>")
            let start = min(bytes.startIndex + partial.origin, bytes.endIndex)
            bytes = bytes[start..<min(start + partial.length, bytes.endIndex)]
        }
        writer.text(" ")
        writer.literal(bytes)
    }

    /// The part's content with its transfer encoding undone; the whole message for `[]`.
    private func decoded(_ part: [Int], _ content: MessageContent) throws -> [UInt8]? {
        guard !part.isEmpty else { return content.bytes }
        guard let node = content.root.part(at: part) else { return nil }
        guard let bytes = TransferDecoding.decode(content.bytes[node.bodyRange], encoding: node.header.value("Content-Transfer-Encoding")) else {
            throw UnknownTransferEncoding()
        }
        return bytes
    }
}
