import MailGaugeWire

/// What a CAPA reply lists (RFC 2449 §5): the capability tags, and the mechanisms of the
/// `SASL` line (§6.9), upper-cased. The one reading of CAPA lines, for the secret guard and
/// for the capabilities scripts compare.
package struct POP3CapabilityList: Sendable, Equatable {
    package var tags: Set<String> = []
    package var mechanisms: Set<String> = []

    /// The lines of an `+OK` CAPA reply; none for a server that does not answer CAPA.
    package init(lines: PackedLines) {
        for line in lines {
            let words = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self).uppercased() }
            guard let tag = words.first else { continue }
            tags.insert(tag)
            if tag == "SASL" { mechanisms.formUnion(words.dropFirst()) }
        }
    }

    /// The tags, with each SASL mechanism as `SASL=MECH`, as `@requires` names them.
    package var names: Set<String> {
        tags.union(mechanisms.map { "SASL=\($0)" })
    }
}
