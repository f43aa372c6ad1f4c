/// A structured header value with parameters, as in Content-Type and Content-Disposition
/// (RFC 2045 §5.1, RFC 2183 §2): `value; name=token; name="quoted string"`.
struct HeaderParameters: Sendable {
    let value: String
    /// Parameter names in lower case, in the order written; quotes removed from values.
    let parameters: [(name: String, value: String)]

    init(_ text: String) {
        var pieces: [String] = []
        var current = ""
        var quoted = false, escaped = false
        for character in text {
            if escaped { current.append(character); escaped = false; continue }
            switch character {
            case "\\" where quoted: escaped = true
            case "\"": quoted.toggle()
            case ";" where !quoted:
                pieces.append(current)
                current = ""
                continue
            default: break
            }
            if character != "\\" || !quoted { current.append(character) }
        }
        pieces.append(current)
        value = pieces[0].trimmingBlanks
        parameters = pieces.dropFirst().compactMap { piece in
            guard let equals = piece.firstIndex(of: "=") else { return nil }
            let name = String(piece[..<equals]).trimmingBlanks.lowercased()
            var value = String(piece[piece.index(after: equals)...]).trimmingBlanks
            if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return name.isEmpty ? nil : (name, value)
        }
    }

    func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }
}
