/// Writes BODYSTRUCTURE and BODY (RFC 9051 §7.5.2, `body` in §9) from a message's MIME tree:
/// type, subtype, parameters, id, description, encoding, size, line counts, and — for
/// BODYSTRUCTURE — the extension data (MD5, disposition, language, location).
struct BodyStructureEncoder {
    let bytes: [UInt8]
    let envelope: EnvelopeEncoder
    /// BODYSTRUCTURE when true, the non-extensible BODY when false.
    let extensible: Bool

    func write(_ part: MIMEPart, into writer: inout IMAPWriter) {
        writer.text("(")
        if part.isMultipart {
            for child in part.children { write(child, into: &writer) }
            writer.text(" ")
            writer.string(part.subtype.uppercased())
            if extensible {
                writer.text(" ")
                writeParameters(part.contentType?.parameters ?? [], into: &writer)
                writeTrailingExtensions(part, into: &writer)
            }
        } else {
            writer.string(part.type.uppercased())
            writer.text(" ")
            writer.string(part.subtype.uppercased())
            writer.text(" ")
            let parameters = part.contentType?.parameters ?? (part.type == "text" ? [("charset", "us-ascii")] : [])
            writeParameters(parameters, into: &writer)
            writer.text(" ")
            writer.nstring(part.header.value("Content-ID"))
            writer.text(" ")
            writer.nstring(part.header.value("Content-Description"))
            writer.text(" ")
            writer.string((part.header.value("Content-Transfer-Encoding") ?? "7bit").uppercased())
            writer.text(" \(part.bodyRange.count)")
            if let message = part.encapsulated {
                writer.text(" ")
                envelope.write(message.header, into: &writer)
                writer.text(" ")
                write(message, into: &writer)
                writer.text(" \(part.bodyLineCount(bytes))")
            } else if part.type == "text" {
                writer.text(" \(part.bodyLineCount(bytes))")
            }
            if extensible {
                writer.text(" ")
                writer.nstring(part.header.value("Content-MD5"))
                writeTrailingExtensions(part, into: &writer)
            }
        }
        writer.text(")")
    }

    /// `body-fld-param = "(" string SP string *(SP string SP string) ")" / nil`
    private func writeParameters(_ parameters: [(name: String, value: String)], into writer: inout IMAPWriter) {
        guard !parameters.isEmpty else { return writer.text("NIL") }
        writer.text("(")
        for (offset, parameter) in parameters.enumerated() {
            if offset > 0 { writer.text(" ") }
            writer.string(parameter.name.uppercased())
            writer.text(" ")
            writer.string(parameter.value)
        }
        writer.text(")")
    }

    /// `SP body-fld-dsp SP body-fld-lang SP body-fld-loc`
    private func writeTrailingExtensions(_ part: MIMEPart, into writer: inout IMAPWriter) {
        writer.text(" ")
        if let disposition = part.header.value("Content-Disposition").map(HeaderParameters.init), !disposition.value.isEmpty {
            writer.text("(")
            writer.string(disposition.value.uppercased())
            writer.text(" ")
            writeParameters(disposition.parameters, into: &writer)
            writer.text(")")
        } else {
            writer.text("NIL")
        }
        writer.text(" ")
        writer.nstring(part.header.value("Content-Language"))
        writer.text(" ")
        writer.nstring(part.header.value("Content-Location"))
    }
}
