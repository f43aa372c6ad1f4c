/// SASLprep (RFC 4013), the part that needs only RFC 3454's short tables, applied by SCRAM to
/// the username and password before they enter the key derivation (RFC 5802 §2.2, §5.1).
///
/// Covered:
/// - mapping (RFC 4013 §2.1): non-ASCII spaces (RFC 3454 table C.1.2) become U+0020, and the
///   "commonly mapped to nothing" characters (table B.1) are removed;
/// - prohibited output (RFC 4013 §2.3): tables C.1.2 through C.9, ASCII controls included.
///
/// Not covered, so such input passes through unchanged:
/// - NFKC normalization (RFC 4013 §2.2): the Swift standard library has no public NFKC and this
///   module carries no Unicode tables; full-width forms, ligatures, compatibility characters and
///   decomposed sequences are not normalized;
/// - the bidirectional rule (RFC 4013 §2.4, RFC 3454 §6);
/// - unassigned code points (RFC 4013 §2.5): SCRAM treats both strings as query strings, which
///   allow them.
/// ASCII strings without control characters, which nearly all test accounts use, come out
/// unchanged. A SCRAM failure with a password that relies on the uncovered steps is therefore
/// not by itself evidence against the server.
enum SASLprep {
    /// Maps and checks `string`. `field` names it in errors ("username", "password"); the
    /// offending character is never shown, since it may be part of a password.
    static func prepare(_ string: String, field: String) throws(SASLError) -> String {
        var output = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            let value = scalar.value
            // Table C.1.2 is checked before B.1: U+200B is in both, and RFC 4013 §2.1 lists the
            // space mapping first.
            if contains(nonASCIISpaces, value) {
                output.append(" ")
            } else if contains(mappedToNothing, value) {
                continue
            } else if contains(prohibited, value) || isNonCharacter(value) {
                throw SASLError(.invalidCredential, "\(field) contains a character that SASLprep prohibits (RFC 4013 §2.3)")
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        table.contains { $0.contains(value) }
    }

    /// Table C.4's U+nFFFE and U+nFFFF in every plane; U+FDD0…U+FDEF are in `prohibited`.
    private static func isNonCharacter(_ value: UInt32) -> Bool {
        value & 0xFFFE == 0xFFFE
    }

    /// RFC 3454 table C.1.2.
    private static let nonASCIISpaces: [ClosedRange<UInt32>] = [
        0x00A0...0x00A0, 0x1680...0x1680, 0x2000...0x200B, 0x202F...0x202F, 0x205F...0x205F,
        0x3000...0x3000,
    ]

    /// RFC 3454 table B.1.
    private static let mappedToNothing: [ClosedRange<UInt32>] = [
        0x00AD...0x00AD, 0x034F...0x034F, 0x1806...0x1806, 0x180B...0x180D, 0x200B...0x200D,
        0x2060...0x2060, 0xFE00...0xFE0F, 0xFEFF...0xFEFF,
    ]

    /// RFC 3454 tables C.2.1, C.2.2, C.3, C.4 (first part), C.6, C.7, C.8 and C.9. Table C.1.2 is
    /// mapped away before this check, and C.5 (surrogates) cannot occur in a Swift string.
    private static let prohibited: [ClosedRange<UInt32>] = [
        // C.2.1 ASCII control characters
        0x0000...0x001F, 0x007F...0x007F,
        // C.2.2 non-ASCII control characters
        0x0080...0x009F, 0x06DD...0x06DD, 0x070F...0x070F, 0x180E...0x180E, 0x200C...0x200D,
        0x2028...0x2029, 0x2060...0x2063, 0x206A...0x206F, 0xFEFF...0xFEFF, 0xFFF9...0xFFFC,
        0x1D173...0x1D17A,
        // C.3 private use
        0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD,
        // C.4 non-character code points (the nFFFE/nFFFF ones in `isNonCharacter`)
        0xFDD0...0xFDEF,
        // C.6 inappropriate for plain text
        0xFFF9...0xFFFD,
        // C.7 inappropriate for canonical representation
        0x2FF0...0x2FFB,
        // C.8 change display properties or deprecated
        0x0340...0x0341, 0x200E...0x200F, 0x202A...0x202E, 0x206A...0x206F,
        // C.9 tagging characters
        0xE0001...0xE0001, 0xE0020...0xE007F,
    ]
}
