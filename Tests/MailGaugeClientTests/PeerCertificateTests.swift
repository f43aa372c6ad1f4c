import Foundation
@testable import MailGaugeClient
import Testing

/// The certificate reader, on a certificate made with OpenSSL whose names need every rule of
/// RFC 4514 rendering (Fixtures/unusual-names.pem, from `openssl req -utf8 -multivalue-rdn
/// -subj "/DC=test/DC=example/C=DE/ST=Baden-Württemberg/O=Mail\, Gauge \+ Sons/OU=QA;Load/CN= leading space+UID=42/emailAddress=ops@example.test/2.5.4.97=#tag"`,
/// signed by a CA with `-subj "/C=DE/O=MailGauge Fixtures/CN=Fixture CA, \"quoted\""`), and
/// on names built byte by byte.
struct PeerCertificateTests {
    static func fixtureDER() throws -> [UInt8] {
        let path = String(#filePath.dropLast("PeerCertificateTests.swift".count)) + "Fixtures/unusual-names.pem"
        let base64 = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return Array(try #require(Data(base64Encoded: base64)))
    }

    @Test func readsSubjectIssuerAndExpiryOfARealCertificate() throws {
        let certificate = try #require(PeerCertificate(der: try Self.fixtureDER()))
        // Last RDN first; the two-valued RDN in DER's SET order; `,` `+` `;` and a leading space
        // escaped; UTF-8 kept; an attribute type without a short name as its OID and hex encoding.
        #expect(certificate.subject == #"2.5.4.97=#0C0423746167, emailAddress=ops@example.test, UID=42+CN=\ leading space, OU=QA\;Load, O=Mail\, Gauge \+ Sons, ST=Baden-Württemberg, C=DE, DC=example, DC=test"#)
        #expect(certificate.issuer == #"CN=Fixture CA\, \"quoted\", O=MailGauge Fixtures, C=DE"#)
        #expect(certificate.notAfter == Date(timeIntervalSince1970: 2_426_563_816))  // 2046-11-23T05:30:16Z, a UTCTime
    }

    @Test func refusesWhatIsNotACertificate() throws {
        let der = try Self.fixtureDER()
        #expect(PeerCertificate(der: []) == nil)
        #expect(PeerCertificate(der: Array(der.prefix(200))) == nil, "truncated")
        #expect(PeerCertificate(der: Array("-----BEGIN CERTIFICATE-----".utf8)) == nil)
        var indefinite = der
        indefinite[1] = 0x80  // BER's indefinite length, which DER forbids
        #expect(PeerCertificate(der: indefinite) == nil)
    }

    /// A Name with one RDN holding `type` and `value` (both DER-encoded).
    static func name(_ type: [UInt8], _ value: [UInt8]) -> ArraySlice<UInt8> {
        let pair = [0x30, UInt8(type.count + value.count)] + type + value
        return ([0x31, UInt8(pair.count)] + pair)[...]
    }

    static let commonName: [UInt8] = [0x06, 0x03, 0x55, 0x04, 0x03]

    @Test func rendersTheDirectoryStringTypes() throws {
        #expect(try DistinguishedName.render(Self.name(Self.commonName, [0x13, 0x02, 0x61, 0x62])) == "CN=ab")  // PrintableString
        #expect(try DistinguishedName.render(Self.name(Self.commonName, [0x1E, 0x04, 0x00, 0xDC, 0x00, 0x62])) == "CN=Üb")  // BMPString
        // An INTEGER has no string form: hex of its encoding (RFC 4514 §2.4).
        #expect(try DistinguishedName.render(Self.name(Self.commonName, [0x02, 0x01, 0x2A])) == "CN=#02012A")
        // Invalid UTF-8 is not guessed at either.
        #expect(try DistinguishedName.render(Self.name(Self.commonName, [0x0C, 0x01, 0xFF])) == "CN=#0C01FF")
        #expect(try DistinguishedName.render([]) == "")
    }

    @Test func escapesAsRFC4514SaysAndKeepsNamesOnOneLine() {
        #expect(DistinguishedName.escaped("#1 ") == ##"\#1\ "##)
        #expect(DistinguishedName.escaped("a<b>c\"d\\e") == #"a\<b\>c\"d\\e"#)
        #expect(DistinguishedName.escaped("two\r\nlines\u{0}") == #"two\0D\0Alines\00"#)
        #expect(DistinguishedName.escaped("in # the middle") == "in # the middle")
    }

    @Test func decodesObjectIdentifiers() throws {
        #expect(try DistinguishedName.objectIdentifier([0x55, 0x04, 0x03]) == "2.5.4.3")
        #expect(try DistinguishedName.objectIdentifier([0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x01]) == "1.2.840.113549.1.9.1")
        #expect(try DistinguishedName.objectIdentifier([0x88, 0x37, 0x03]) == "2.999.3", "a first subidentifier of two octets")
        #expect(throws: DERReader.Malformed.self) { try DistinguishedName.objectIdentifier([0x55, 0x84]) }
        #expect(throws: DERReader.Malformed.self) { try DistinguishedName.objectIdentifier([]) }
    }
}
