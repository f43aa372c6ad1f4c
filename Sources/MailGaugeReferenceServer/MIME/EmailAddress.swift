import Foundation

/// One entry of an address list as ENVELOPE reports it (RFC 9051 §7.5.2): a mailbox, or the
/// start or end marker of a group (RFC 5322 §3.4).
enum EmailAddress: Sendable, Equatable {
    case mailbox(name: String?, local: String, domain: String?)
    case groupStart(String)
    case groupEnd

    /// Parses an address-list header value leniently: `Name <a@b>`, `a@b`, `"Quoted, Name" <a@b>`,
    /// `group: a@b, c@d;`. Comments in parentheses are dropped; encoded words stay as written,
    /// since ENVELOPE carries header text undecoded.
    static func parseList(_ text: String) -> [EmailAddress] {
        var addresses: [EmailAddress] = []
        for item in split(text, separators: [",", ":", ";"]) {
            switch item.separator {
            case ":":
                addresses.append(.groupStart(unquote(item.text)))
            default:
                if let mailbox = parseMailbox(item.text) { addresses.append(mailbox) }
                if item.separator == ";" { addresses.append(.groupEnd) }
            }
        }
        return addresses
    }

    private static func parseMailbox(_ text: String) -> EmailAddress? {
        let text = text.trimmingBlanks
        guard !text.isEmpty else { return nil }
        var name: String?
        var spec = text
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            spec = String(text[text.index(after: open)..<close])
            let display = unquote(String(text[..<open]))
            name = display.isEmpty ? nil : display
        }
        if let colon = spec.lastIndex(of: ":") { spec = String(spec[spec.index(after: colon)...]) }  // drop a source route
        guard let at = spec.lastIndex(of: "@") else { return .mailbox(name: name, local: spec.trimmingBlanks, domain: nil) }
        return .mailbox(name: name, local: String(spec[..<at]).trimmingBlanks, domain: String(spec[spec.index(after: at)...]).trimmingBlanks)
    }

    /// Splits at separators outside quotes, angle brackets and comments, dropping comments.
    private static func split(_ text: String, separators: Set<Character>) -> [(text: String, separator: Character?)] {
        var items: [(String, Character?)] = []
        var current = ""
        var quoted = false, angle = false, comment = 0, escaped = false
        for character in text {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" && (quoted || comment > 0) { escaped = true; if comment == 0 { current.append(character) }; continue }
            if comment > 0 {
                if character == "(" { comment += 1 } else if character == ")" { comment -= 1 }
                continue
            }
            switch character {
            case "\"": quoted.toggle()
            case "(" where !quoted: comment = 1; continue
            case "<" where !quoted: angle = true
            case ">" where !quoted: angle = false
            default:
                if !quoted && !angle && separators.contains(character) {
                    items.append((current, character))
                    current = ""
                    continue
                }
            }
            current.append(character)
        }
        items.append((current, nil))
        return items
    }

    private static func unquote(_ text: String) -> String {
        var text = text.trimmingBlanks
        if text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") {
            text = String(text.dropFirst().dropLast())
            text = text.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        }
        return text
    }
}
