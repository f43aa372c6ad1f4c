import MailGaugeClient
import MailGaugeWire

/// Values read out of a command's responses, for what scripted replays compare.
extension [IMAPReceived] {
    /// The number of the first response code named `name` (UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ).
    package func codeNumber(_ name: String) -> UInt64? {
        compactMap(\.response?.responseCode).first { $0.name == name }?.number
    }

    /// An attribute of the untagged STATUS response (RFC 9051 §7.2.4).
    package func statusValue(_ name: String) -> UInt64? {
        for case .untagged(.status(_, let attributes))? in map(\.response) {
            return attributes.first { $0.name.uppercased() == name }?.value
        }
        return nil
    }
}
