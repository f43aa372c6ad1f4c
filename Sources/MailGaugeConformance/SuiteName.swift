import MailGaugeWire

/// A conformance suite: the protocol version a server claims and the cases that check it.
public enum SuiteName: String, Sendable, CaseIterable, Codable {
    /// POP3: RFC 1939 with RFC 2449 CAPA, RFC 2595 STLS, RFC 5034 AUTH.
    case pop3
    /// IMAP4rev1 (RFC 3501) and the extensions servers advertise with it.
    case imap4rev1
    /// IMAP4rev2 (RFC 9051), entered with ENABLE IMAP4rev2.
    case imap4rev2

    public var mailProtocol: MailProtocol { self == .pop3 ? .pop3 : .imap }

    /// The scenario folders, relative to the conformance root: the cases every IMAP version
    /// shares live in `imap/`, the version-specific ones below it.
    var folders: [String] {
        switch self {
        case .pop3: ["pop3"]
        case .imap4rev1: ["imap", "imap/rev1"]
        case .imap4rev2: ["imap", "imap/rev2"]
        }
    }

    /// The suites `check` runs for a target when none is named: all of its protocol's.
    public static func defaults(for mailProtocol: MailProtocol) -> [SuiteName] {
        allCases.filter { $0.mailProtocol == mailProtocol }
    }
}
