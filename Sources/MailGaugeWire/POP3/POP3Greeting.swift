/// The server greeting (RFC 1939 §4) and the APOP timestamp it may carry (RFC 1939 §7).
public enum POP3Greeting {
    /// The APOP timestamp in a greeting, angle brackets included, as the APOP digest needs it
    /// (RFC 1939 §7: MD5 of the timestamp followed by the shared secret).
    ///
    /// Returns the first `<...>` run that contains no SP or control octet, even if it is not
    /// shaped like a msg-id: the server will still expect the digest over exactly these bytes.
    /// Returns nil when there is none.
    public static func apopTimestamp(in statusLine: [UInt8]) -> [UInt8]? {
        guard let open = statusLine.firstIndex(of: POP3Bytes.lessThan),
              let close = statusLine[open...].firstIndex(of: POP3Bytes.greaterThan)
        else { return nil }
        let token = statusLine[open...close]
        return token.allSatisfy(POP3Bytes.isVisible) ? Array(token) : nil
    }

    /// Findings about a greeting beyond its status indicator.
    static func findings(status: POP3Status?, line: [UInt8]) -> [Finding] {
        var findings: [Finding] = []
        // RFC 1939 §4 says the greeting "can be any positive response"; it defines no negative
        // greeting and no MUST. Servers that refuse a connection commonly say -ERR and close,
        // and clients treat that as a failed connection, so it is a warning, not a violation.
        if status == .err {
            findings.append(POP3Rule.greeting.finding(
                "greeting is -ERR; RFC 1939 defines the greeting as a positive response", line.prefix(80),
                severity: .warning))
        }
        if line.contains(POP3Bytes.lessThan) {
            findings += timestampFindings(line)
        }
        return findings
    }

    /// RFC 1939 §7: the timestamp's syntax is an RFC 822 msg-id, `<local-part@domain>`;
    /// RFC 2449 §3: `greeting = "+OK" [resp-code] *gchar [timestamp] *gchar`, where gchar
    /// excludes "<", so at most one "<" may appear.
    private static func timestampFindings(_ line: [UInt8]) -> [Finding] {
        guard let timestamp = apopTimestamp(in: line) else {
            let start = line.firstIndex(of: POP3Bytes.lessThan) ?? 0
            return [POP3Rule.apopTimestamp.finding(
                "\"<\" does not open a <...> timestamp without spaces", line[start...].prefix(80))]
        }
        var findings: [Finding] = []
        if line.filter({ $0 == POP3Bytes.lessThan }).count > 1 {
            findings.append(POP3Rule.apopTimestamp.finding(
                "greeting contains more than one \"<\"", line.prefix(80), reference: "RFC 2449 §3"))
        }
        let inner = timestamp.dropFirst().dropLast()
        let at = inner.lastIndex(of: POP3Bytes.at)
        let hasLocalAndDomain = at.map { $0 > inner.startIndex && $0 < inner.endIndex - 1 } ?? false
        let wellShaped = hasLocalAndDomain && !inner.contains(POP3Bytes.lessThan)
        if !wellShaped {
            findings.append(POP3Rule.apopTimestamp.finding(
                "APOP timestamp is not shaped like an RFC 822 msg-id <local-part@domain>", timestamp))
        }
        return findings
    }
}
