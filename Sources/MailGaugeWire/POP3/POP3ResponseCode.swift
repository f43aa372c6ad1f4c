/// An extended response code at the start of a status line's text (RFC 2449 §8).
///
///     resp-code  = "[" resp-level *("/" resp-level) "]"
///     resp-level = 1*rchar
///     rchar      = %x21-2E / %x30-5C / %x5E-7F   ; printable ASCII, excluding "/" and "]"
///
/// Because `schar` excludes "[" (RFC 2449 §3), text that starts with "[" must be a resp-code.
struct POP3ResponseCode: Sendable, Equatable {
    var levels: [String]

    /// The code as carried in `POP3Response.responseCode`, e.g. `SYS/TEMP`.
    var name: String { levels.joined(separator: "/") }

    /// The code at the start of `text`; nil, with a finding, if `text` starts with "[" but
    /// is not a well-formed resp-code; nil without findings if it does not start with "[".
    static func parse(_ text: ArraySlice<UInt8>) -> (code: POP3ResponseCode?, findings: [Finding]) {
        guard text.first == POP3Bytes.openBracket else { return (nil, []) }
        var levels: [String] = []
        var levelStart = text.startIndex + 1
        var index = levelStart
        while index < text.endIndex {
            let byte = text[index]
            if byte == POP3Bytes.slash || byte == POP3Bytes.closeBracket {
                guard index > levelStart else { break }
                levels.append(POP3Bytes.string(text[levelStart..<index]))
                if byte == POP3Bytes.closeBracket { return (POP3ResponseCode(levels: levels), []) }
                levelStart = index + 1
            } else if !isRChar(byte) {
                break
            }
            index += 1
        }
        let finding = POP3Rule.responseCode.finding(
            "text starting with \"[\" is not a well-formed response code \"[level/level]\"",
            text.prefix(64), reference: "RFC 2449 §3, §8")
        return (nil, [finding])
    }

    static func isRChar(_ byte: UInt8) -> Bool {
        (0x21...0x7F).contains(byte) && byte != POP3Bytes.slash && byte != POP3Bytes.closeBracket
    }

    /// Whether a known code is used as its RFC defines it; unknown codes are a warning only,
    /// since clients must ignore what they do not know. Levels are compared without regard to
    /// case (RFC 3206 §4: "Case is not significant at any level of the hierarchy").
    func findings(status: POP3Status?, verb: String?, line: [UInt8]) -> [Finding] {
        let levels = self.levels.map { $0.uppercased() }
        guard let definition = Self.known[levels[0]] else {
            return [POP3Rule.responseCode.finding(
                "unknown response code \"\(name)\"", line.prefix(64), severity: .warning,
                reference: "RFC 2449 §8")]
        }
        var findings: [Finding] = []
        if status != .err {
            findings.append(POP3Rule.responseCode.finding(
                "response code \(levels[0]) reports a failure and belongs on -ERR responses", line.prefix(64),
                reference: definition.reference))
        }
        if let verbs = definition.verbs, let verb, !verbs.contains(verb) {
            findings.append(POP3Rule.responseCode.finding(
                "response code \(levels[0]) is defined for \(verbs.sorted().joined(separator: "/")), not \(verb)",
                line.prefix(64), severity: .warning, reference: definition.reference))
        }
        if let details = definition.details, !(levels.count == 2 && details.contains(levels[1])) {
            findings.append(POP3Rule.responseCode.finding(
                "response code \(levels[0]) takes one of the details \(details.sorted().joined(separator: ", "))",
                line.prefix(64), severity: .warning, reference: definition.reference))
        }
        return findings
    }

    /// What the RFCs say of each code they define.
    private struct Definition {
        var reference: String
        /// The commands the code answers; nil when any command may carry it.
        var verbs: Set<String>?
        /// The second levels defined beneath it; nil when none are.
        var details: Set<String>?
    }

    private static let known: [String: Definition] = [
        // "an -ERR response to an AUTH, USER (see note), PASS or APOP command"
        "LOGIN-DELAY": Definition(reference: "RFC 2449 §8.1.1", verbs: ["AUTH", "USER", "PASS", "APOP"]),
        // "an -ERR response to an AUTH, APOP, or PASS command"
        "IN-USE": Definition(reference: "RFC 2449 §8.1.2", verbs: ["AUTH", "APOP", "PASS"]),
        // "a failure ... due to a system error"; second levels TEMP and PERM
        "SYS": Definition(reference: "RFC 3206 §4", details: ["TEMP", "PERM"]),
        // "a problem with the user's credentials"
        "AUTH": Definition(reference: "RFC 3206 §5"),
    ]
}
