/// The blocks of `Fixtures/dovecot-captures.txt`: exact bytes a real Dovecot sent.
struct DovecotCapture: CustomStringConvertible {
    var mailProtocol: String
    var session: String
    var title: String
    var clientLines: [String]
    var serverBytes: [UInt8]

    var description: String { "\(mailProtocol) \(session): \(title)" }

    static func load() -> [DovecotCapture] {
        let path = String(#filePath.dropLast("Captures/DovecotCapture.swift".count)) + "Fixtures/dovecot-captures.txt"
        guard let file = fopen(path, "r") else { return [] }
        defer { fclose(file) }
        var text: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            text += buffer[..<count]
        }
        return parse(String(decoding: text, as: UTF8.self))
    }

    static func parse(_ text: String) -> [DovecotCapture] {
        var captures: [DovecotCapture] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("### ") {
                let words = line.dropFirst(4).split(separator: " ", maxSplits: 2)
                let session = words[1].split(separator: "/").first.map(String.init) ?? ""
                captures.append(DovecotCapture(mailProtocol: String(words[0]), session: session,
                                               title: String(words.count > 2 ? words[2] : ""), clientLines: [], serverBytes: []))
            } else if line.hasPrefix("S: "), !captures.isEmpty {
                captures[captures.count - 1].serverBytes += unescape(line.dropFirst(3))
            } else if line.hasPrefix("C: "), !captures.isEmpty {
                captures[captures.count - 1].clientLines.append(String(decoding: unescape(line.dropFirst(3)).filter { $0 != 13 && $0 != 10 }, as: UTF8.self))
            }
        }
        return captures
    }

    /// Reverses the file's escaping: `\\`, `\r`, `\n`, `\t`, `\xHH`.
    static func unescape(_ text: Substring) -> [UInt8] {
        var bytes: [UInt8] = []
        var input = Array(text.utf8)[...]
        while let byte = input.popFirst() {
            guard byte == UInt8(ascii: "\\"), let next = input.popFirst() else { bytes.append(byte); continue }
            switch next {
            case UInt8(ascii: "r"): bytes.append(13)
            case UInt8(ascii: "n"): bytes.append(10)
            case UInt8(ascii: "t"): bytes.append(9)
            case UInt8(ascii: "x"):
                let hex = String(decoding: input.prefix(2), as: UTF8.self)
                input = input.dropFirst(2)
                bytes.append(UInt8(hex, radix: 16) ?? 0)
            default: bytes.append(next)
            }
        }
        return bytes
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
