/// One line of a CAPA reply (RFC 2449 §5), checked against the general grammar and, for the
/// capabilities RFC 2449 §6 defines, lightly against their arguments.
///
///     capability = capa-tag *(SP param) CRLF   ;512 octets maximum
///     capa-tag   = 1*cchar
///     param      = 1*pchar
///     cchar      = %x21-2D / %x2F-7F           ;printable ASCII, excluding "."
///     pchar      = %x21-7F                     ;printable ASCII
enum POP3Capability {
    static func check(body: PackedLines, into findings: inout FindingTally) {
        for line in body { findings.add(Self.findings(line: Array(line))) }
    }

    static func findings(line: [UInt8]) -> [Finding] {
        let fields = POP3Bytes.fields(line)
        let tag = fields[0]
        guard !tag.isEmpty, tag.allSatisfy(isCChar) else {
            return [POP3Rule.capa.finding("capability must start with a capa-tag of printable ASCII other than \".\"", line)]
        }
        let name = POP3Bytes.string(tag).uppercased()
        let params = fields.dropFirst()
        // IMPLEMENTATION takes free text (RFC 2449 §6.9), which servers space as they like.
        if name == "IMPLEMENTATION" { return [] }
        if params.contains(where: { $0.isEmpty || !$0.allSatisfy(isPChar) }) {
            return [POP3Rule.capa.finding("capability parameters must be printable ASCII separated by single SPs", line)]
        }
        return argumentFindings(name: name, params: params.map(POP3Bytes.string), line: line)
    }

    /// The arguments RFC 2449 §6 (and RFC 2595 §4, RFC 3206 §6) define for known capabilities.
    private static func argumentFindings(name: String, params: [String], line: [UInt8]) -> [Finding] {
        switch name {
        case "TOP", "USER", "RESP-CODES", "PIPELINING", "UIDL", "STLS", "AUTH-RESP-CODE":
            guard params.isEmpty else {
                return [POP3Rule.capa.finding("\(name) takes no arguments", line, severity: .warning)]
            }
        case "SASL":
            // RFC 4422 §3.1: 1 to 20 upper-case letters, digits, hyphens and underscores.
            if params.isEmpty {
                return [POP3Rule.capa.finding("SASL lists no mechanisms", line, severity: .warning, reference: "RFC 2449 §6.3")]
            }
            if let bad = params.first(where: { !isMechanismName($0) }) {
                return [POP3Rule.capa.finding(
                    "\"\(bad)\" is not a SASL mechanism name", line, reference: "RFC 2449 §6.3; RFC 4422 §3.1")]
            }
        case "LOGIN-DELAY":
            return policyFindings(name: name, params: params, alternative: nil, line: line, reference: "RFC 2449 §6.5")
        case "EXPIRE":
            return policyFindings(name: name, params: params, alternative: "NEVER", line: line, reference: "RFC 2449 §6.7")
        default:
            break
        }
        return []
    }

    /// LOGIN-DELAY and EXPIRE: a number of seconds or days (or EXPIRE's NEVER), optionally
    /// followed by USER when the value may differ per user.
    private static func policyFindings(
        name: String, params: [String], alternative: String?, line: [UInt8], reference: String
    ) -> [Finding] {
        let valueIsValid = params.first.map { POP3Bytes.decimal($0.utf8) != nil || $0.uppercased() == alternative } ?? false
        let restIsValid = params.count == 1 || (params.count == 2 && params[1].uppercased() == "USER")
        guard !(valueIsValid && restIsValid) else { return [] }
        let value = alternative.map { "a number or \($0)" } ?? "a number"
        return [POP3Rule.capa.finding("\(name) takes \(value), optionally followed by USER", line, reference: reference)]
    }

    private static func isCChar(_ byte: UInt8) -> Bool { isPChar(byte) && byte != POP3Bytes.dot }
    private static func isPChar(_ byte: UInt8) -> Bool { (0x21...0x7F).contains(byte) }

    private static func isMechanismName(_ name: String) -> Bool {
        (1...20).contains(name.utf8.count) && name.utf8.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || POP3Bytes.isDigit($0)
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
    }
}
