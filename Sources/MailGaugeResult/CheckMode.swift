/// How much checking a load run kept on, so a reader knows what "no errors" covers.
/// The scenario's expectations always drive the session (they hold its captures); this
/// says whether grammar findings could fail a session and whether its transcript was kept.
public enum CheckMode: Sendable, Codable, Equatable, CustomStringConvertible {
    /// Every session fully checked, as `mailgauge run` checks it.
    case full
    /// That share of sessions (0–100) fully checked; the rest lean.
    case sample(percent: Double)
    /// No session's grammar findings count; transport, status and scenario mismatches still do.
    case off

    /// Parses `full`, `off` or `sample=N%`.
    public init?(_ text: String) {
        switch text {
        case "full": self = .full
        case "off": self = .off
        default:
            guard text.hasPrefix("sample="), text.hasSuffix("%"),
                  let percent = Double(text.dropFirst("sample=".count).dropLast()), percent > 0, percent <= 100 else { return nil }
            self = .sample(percent: percent)
        }
    }

    public var description: String {
        switch self {
        case .full: "full"
        case .off: "off"
        case .sample(let percent): "sample=\(percent == percent.rounded() ? String(Int(percent)) : String(percent))%"
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let mode = CheckMode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown check mode '\(text)'"))
        }
        self = mode
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
