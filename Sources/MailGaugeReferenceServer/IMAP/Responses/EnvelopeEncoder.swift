/// Writes the ENVELOPE of a message (RFC 9051 §7.5.2): ten header-derived fields, strings as
/// they appear in the header (no decoding of encoded words), absent address lists as NIL.
/// Sender and Reply-To default to From, as the RFC requires of servers.
struct EnvelopeEncoder {
    let faults: Set<Fault>

    func write(_ header: MessageHeader, into writer: inout IMAPWriter) {
        let from = header.value("From")
        writer.text("(")
        writer.nstring(header.value("Date"))
        writer.text(" ")
        writer.nstring(header.value("Subject"))
        for field in [from, header.value("Sender") ?? from, header.value("Reply-To") ?? from,
                      header.value("To"), header.value("Cc"), header.value("Bcc")] {
            writer.text(" ")
            writeAddresses(field, into: &writer)
        }
        writer.text(" ")
        writer.nstring(header.value("In-Reply-To"))
        writer.text(" ")
        writer.nstring(header.value("Message-ID"))
        writer.text(")")
    }

    /// `env-from = "(" 1*address ")" / nil` and the same for the other lists.
    private func writeAddresses(_ value: String?, into writer: inout IMAPWriter) {
        let addresses = value.map(EmailAddress.parseList) ?? []
        guard !addresses.isEmpty else {
            writer.text(faults.contains(.imapEmptyAddressListParens) ? "()" : "NIL")
            return
        }
        writer.text("(")
        for address in addresses {
            switch address {
            case .mailbox(let name, let local, let domain):
                writer.text("(")
                writer.nstring(name)
                writer.text(" NIL ")
                writer.string(local)
                writer.text(" ")
                writer.nstring(domain)
                writer.text(")")
            case .groupStart(let name):
                writer.text("(NIL NIL ")
                writer.string(name)
                writer.text(" NIL)")
            case .groupEnd:
                writer.text("(NIL NIL NIL NIL)")
            }
        }
        writer.text(")")
    }
}
