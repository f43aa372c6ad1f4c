/// An X.501 Name (RFC 5280 §4.1.2.4) as people read it: RFC 4514 order (the last RDN first),
/// attribute names and escaping, with a space after each comma — `CN=localhost, O=MailGauge`.
enum DistinguishedName {
    /// The short names RFC 4514 §3 defines, and `emailAddress` (PKCS #9), common in mail servers'
    /// self-signed certificates; other types show as a dotted OID, their values in hex.
    private static let shortNames = [
        "2.5.4.3": "CN", "2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.6": "C",
        "2.5.4.9": "STREET", "0.9.2342.19200300.100.1.25": "DC", "0.9.2342.19200300.100.1.1": "UID",
        "1.2.840.113549.1.9.1": "emailAddress",
    ]

    /// `name` is the content of the Name's SEQUENCE: RDNs, each a SET of type-and-value pairs.
    static func render(_ name: ArraySlice<UInt8>) throws(DERReader.Malformed) -> String {
        var rdns = DERReader(name)
        var rendered: [String] = []
        while !rdns.isAtEnd {
            var rdn = try rdns.enter(DERReader.Tag.set)
            var attributes: [String] = []
            while !rdn.isAtEnd {
                var pair = try rdn.enter(DERReader.Tag.sequence)
                let type = try objectIdentifier(pair.read(DERReader.Tag.objectIdentifier).content)
                let value = try pair.read()
                // RFC 4514 §2.4: a type without a short name, or a value without a string form,
                // shows as the value's BER encoding in hex.
                let shortName = shortNames[type]
                let text = shortName == nil ? nil : string(value)
                attributes.append("\(shortName ?? type)=" + (text.map(escaped) ?? "#" + value.encoding.map { hex($0) }.joined()))
            }
            rendered.append(attributes.joined(separator: "+"))
        }
        return rendered.reversed().joined(separator: ", ")
    }

    /// Dotted decimal (X.690 §8.19): base-128 subidentifiers, the first holding two arcs.
    static func objectIdentifier(_ bytes: ArraySlice<UInt8>) throws(DERReader.Malformed) -> String {
        var subidentifiers: [Int] = []
        var value = 0
        for byte in bytes {
            guard value < Int.max >> 7 else { throw DERReader.Malformed() }
            value = value << 7 | Int(byte & 0x7F)
            if byte & 0x80 == 0 {
                subidentifiers.append(value)
                value = 0
            }
        }
        guard let first = subidentifiers.first, bytes.last.map({ $0 & 0x80 == 0 }) == true else { throw DERReader.Malformed() }
        let arcs = (first < 80 ? [first / 40, first % 40] : [2, first - 80]) + subidentifiers.dropFirst()
        return arcs.map(String.init).joined(separator: ".")
    }

    /// The directory string types certificates use (RFC 5280 §4.1.2.4); nil for any other.
    private static func string(_ value: DERReader.Element) -> String? {
        switch value.tag {
        case 0x0C, 0x12, 0x13, 0x16:  // UTF8String, NumericString, PrintableString, IA5String
            return String(validating: value.content, as: UTF8.self)
        case 0x1E:  // BMPString: UTF-16, big-endian
            guard value.content.count.isMultiple(of: 2) else { return nil }
            let units = stride(from: value.content.startIndex, to: value.content.endIndex, by: 2).map {
                UInt16(value.content[$0]) << 8 | UInt16(value.content[$0 + 1])
            }
            return String(validating: units, as: UTF16.self)
        default:
            return nil
        }
    }

    /// RFC 4514 §2.4: the special characters get a backslash, and so do a leading space or `#`
    /// and a trailing space; control characters are escaped as hex, so the name stays one line.
    static func escaped(_ value: String) -> String {
        var out = ""
        let characters = Array(value.unicodeScalars)
        for (index, scalar) in characters.enumerated() {
            let atEdge = (index == 0 && (scalar == " " || scalar == "#")) || (index == characters.count - 1 && scalar == " ")
            if "\"+,;<>\\".unicodeScalars.contains(scalar) || atEdge {
                out += "\\" + String(scalar)
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\" + hex(UInt8(scalar.value))
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
