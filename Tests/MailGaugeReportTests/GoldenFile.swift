import Foundation
import Testing

/// Compares a rendering with its committed golden file; `MAILGAUGE_UPDATE_GOLDEN=1` rewrites
/// the file instead, for a change that is meant (review the diff before committing it).
enum GoldenFile {
    static func folder() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func check(_ rendered: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder().appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MAILGAUGE_UPDATE_GOLDEN"] == "1" {
            try rendered.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == golden, "\(name) differs from its golden file; rerun with MAILGAUGE_UPDATE_GOLDEN=1 if the change is meant",
                sourceLocation: sourceLocation)
    }
}
