import Testing
@testable import MailGaugeAuth

@Suite struct SASLprepTests {
    @Test(arguments: [
        ("user", "user"),                 // RFC 4013 §3 example 3: ASCII passes through
        ("USER", "USER"),                 // RFC 4013 §3 example 4: no case folding
        ("I\u{00AD}X", "IX"),             // RFC 4013 §3 example 1: SOFT HYPHEN mapped to nothing
        ("pen\u{00A0}cil", "pen cil"),    // NO-BREAK SPACE (C.1.2) mapped to SPACE
        ("a\u{3000}b", "a b"),            // IDEOGRAPHIC SPACE (C.1.2) mapped to SPACE
        ("a\u{FEFF}b\u{200D}c", "abc"),   // ZERO WIDTH NO-BREAK SPACE, ZWJ (B.1) mapped to nothing
        ("pass word", "pass word"),       // ASCII space is allowed
        ("h\u{00E9}llo", "h\u{00E9}llo"), // other non-ASCII passes (NFKC not applied)
    ])
    func mapsAsRFC4013Says(input: String, expected: String) throws {
        #expect(try SASLprep.prepare(input, field: "password") == expected)
    }

    /// Code points rather than strings: Swift literals refuse some of them (non-characters).
    @Test(arguments: [
        0x0007,   // RFC 4013 §3 example 6: ASCII control (C.2.1)
        0x0000,   // NUL (C.2.1)
        0x0085,   // non-ASCII control (C.2.2)
        0xE000,   // private use (C.3)
        0x100000, // supplementary private use (C.3)
        0xFDD0,   // non-character (C.4)
        0x1FFFE,  // non-character in plane 1 (C.4)
        0xFFFD,   // inappropriate for plain text (C.6)
        0x2FF0,   // ideographic description (C.7)
        0x200E,   // LEFT-TO-RIGHT MARK (C.8)
        0xE0001,  // LANGUAGE TAG (C.9)
    ] as [UInt32])
    func rejectsProhibitedOutput(_ codePoint: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(codePoint))
        let error = #expect(throws: SASLError.self) { try SASLprep.prepare("x" + String(Character(scalar)), field: "password") }
        #expect(error?.kind == .invalidCredential)
        #expect(error?.detail.contains("password") == true)
    }
}
