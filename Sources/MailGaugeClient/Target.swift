import MailGaugeWire

/// Where to connect and how: `pop3://host:port`, `pop3s://…` (implicit TLS, RFC 8314),
/// `imap://…`, `imaps://…`.
public struct Target: Sendable, Hashable, CustomStringConvertible {
    public enum Security: String, Sendable, Codable {
        /// No TLS at all.
        case plain
        /// Plain connect, then STLS (POP3, RFC 2595) or STARTTLS (IMAP) before anything else.
        case startTLS = "starttls"
        /// TLS from the first byte.
        case implicitTLS = "tls"
    }

    public var mailProtocol: MailProtocol
    public var host: String
    public var port: Int
    public var security: Security

    public init(mailProtocol: MailProtocol, host: String, port: Int, security: Security) {
        self.mailProtocol = mailProtocol
        self.host = host
        self.port = port
        self.security = security
    }

    /// Parses a target URL; `startTLS` upgrades a plain scheme. Errors are one line, naming the URL.
    public init(url: String, startTLS: Bool = false) throws(TargetError) {
        guard let schemeEnd = url.firstRange(of: "://") else {
            throw TargetError("'\(url)' is not a target URL: use pop3://host:port, pop3s://, imap:// or imaps://")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let (mailProtocol, implicitTLS): (MailProtocol, Bool)
        switch scheme {
        case "pop3": (mailProtocol, implicitTLS) = (.pop3, false)
        case "pop3s": (mailProtocol, implicitTLS) = (.pop3, true)
        case "imap": (mailProtocol, implicitTLS) = (.imap, false)
        case "imaps": (mailProtocol, implicitTLS) = (.imap, true)
        default: throw TargetError("unknown scheme '\(scheme)' in '\(url)': use pop3, pop3s, imap or imaps")
        }
        if implicitTLS && startTLS {
            throw TargetError("--starttls cannot be combined with \(scheme)://, which is already TLS from the first byte")
        }
        var authority = url[schemeEnd.upperBound...]
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        let host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw TargetError("unclosed '[' in '\(url)'") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let rest = authority[authority.index(after: close)...]
            if rest.hasPrefix(":") { portText = rest.dropFirst() } else if !rest.isEmpty { throw TargetError("unexpected '\(rest)' in '\(url)'") }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty, !host.contains("/"), !host.contains("@") else {
            throw TargetError("'\(url)' has no usable host (credentials in URLs are not accepted; use --user)")
        }
        let defaults = mailProtocol.defaultPort
        var port = implicitTLS ? defaults.implicitTLS : defaults.plain
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw TargetError("'\(portText)' in '\(url)' is not a port number (1-65535)")
            }
            port = value
        }
        self.init(mailProtocol: mailProtocol, host: String(host), port: port,
                  security: implicitTLS ? .implicitTLS : (startTLS ? .startTLS : .plain))
    }

    /// `host:port`, bracketing IPv6 addresses: the form every connection error starts with.
    public var endpoint: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    public var description: String {
        let scheme = mailProtocol.rawValue + (security == .implicitTLS ? "s" : "")
        return "\(scheme)://\(endpoint)" + (security == .startTLS ? " (STARTTLS)" : "")
    }
}

/// A target URL that cannot be used.
public struct TargetError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
