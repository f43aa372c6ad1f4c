import Foundation
import MailGaugeResult

/// The result model as JSON: stable key order, ISO 8601 dates with milliseconds, so files
/// diff cleanly and decode to what was encoded.
public enum JSONReport {
    private static let dateStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    public static func encode(_ result: RunResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(dateStyle))
        }
        return try encoder.encode(result)
    }

    public static func decode(_ data: Data) throws -> RunResult {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = try? dateStyle.parse(text) { return date }
            return try Date.ISO8601FormatStyle().parse(text)
        }
        return try decoder.decode(RunResult.self, from: data)
    }
}
