import Foundation
import MailGaugeResult

/// The result model as JSON: stable key order, ISO 8601 dates, so files diff cleanly.
public enum JSONReport {
    public static func encode(_ result: RunResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(result)
    }

    public static func decode(_ data: Data) throws -> RunResult {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(RunResult.self, from: data)
    }

    /// Writes the file, creating its folder (`Reports/` by default) when needed.
    public static func write(_ result: RunResult, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encode(result).write(to: url, options: .atomic)
    }
}
