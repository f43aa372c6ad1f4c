import Foundation

/// A message every INBOX starts with, held as the CRLF octets the server sends.
public struct SeedMessage: Sendable, Hashable {
    /// Where it came from (a file name), for messages and logs.
    public var name: String
    /// The message with CRLF line ends (RFC 5322 §2.1), whatever the source used.
    public var bytes: [UInt8]

    /// Normalises line ends: a bare LF becomes CRLF, an existing CRLF stays.
    public init(name: String, text: String) {
        self.name = name
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / 30)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") { bytes.append(UInt8(ascii: "\r")) }
            bytes.append(byte)
            previous = byte
        }
        self.bytes = bytes
    }

    /// The messages of `Scripts/test-server/seed`, compiled in.
    public static let embedded: [SeedMessage] = EmbeddedSeed.messages.map { SeedMessage(name: $0.name, text: $0.text) }

    /// Every `NN.eml` file of a folder, in name order — the layout of `Scripts/test-server/seed`.
    public static func load(folder: String) throws -> [SeedMessage] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".eml") }
            .sorted()
        return try names.map { name in
            SeedMessage(name: name, text: try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
        }
    }
}
