import Foundation

/// What a report shows of the certificate a server presented: who it names, who issued it,
/// and until when it is valid. Read from the DER encoding (RFC 5280 §4.1), since swift-nio-ssl
/// offers no accessor for names.
public struct PeerCertificate: Sendable, Equatable {
    /// RFC 4514 style, e.g. `CN=localhost, O=MailGauge`.
    public var subject: String
    public var issuer: String
    public var notAfter: Date

    /// nil when `der` is not an X.509 certificate this reader understands.
    public init?(der: [UInt8]) {
        typealias Tag = DERReader.Tag
        do {
            var outer = DERReader(der[...])
            var certificate = try outer.enter(Tag.sequence)
            var fields = try certificate.enter(Tag.sequence)  // tbsCertificate
            if fields.nextTag == Tag.contextSpecific0 { _ = try fields.read() }  // version
            _ = try fields.read(Tag.integer)  // serialNumber
            _ = try fields.read(Tag.sequence)  // signature algorithm
            issuer = try DistinguishedName.render(fields.read(Tag.sequence).content)
            var validity = try fields.enter(Tag.sequence)
            _ = try validity.read()  // notBefore
            notAfter = try Self.time(validity.read())
            subject = try DistinguishedName.render(fields.read(Tag.sequence).content)
        } catch {
            return nil
        }
    }

    /// UTCTime `YYMMDDHHMMSSZ` (years 1950–2049) or GeneralizedTime `YYYYMMDDHHMMSSZ`, the two
    /// forms RFC 5280 §4.1.2.5 allows.
    private static func time(_ element: DERReader.Element) throws(DERReader.Malformed) -> Date {
        let text = String(decoding: element.content, as: UTF8.self)
        let digits = text.dropLast()
        guard text.last == "Z", digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { throw DERReader.Malformed() }
        let full: String
        switch (element.tag, digits.count) {
        case (DERReader.Tag.utcTime, 12): full = (Int(digits.prefix(2))! >= 50 ? "19" : "20") + digits
        case (DERReader.Tag.generalizedTime, 14): full = String(digits)
        default: throw DERReader.Malformed()
        }
        let parts = stride(from: 0, to: 14, by: 2).map { full.dropFirst($0).prefix(2) }
        let iso = "\(parts[0])\(parts[1])-\(parts[2])-\(parts[3])T\(parts[4]):\(parts[5]):\(parts[6])Z"
        guard let date = try? Date.ISO8601FormatStyle().parse(iso) else { throw DERReader.Malformed() }
        return date
    }
}
