import ArgumentParser
import Foundation
import MailGaugeReport
import MailGaugeResult

/// Where a command writes its reports. JSON always (under Reports/ unless told otherwise),
/// since every other rendering can be made again from it.
struct ReportOptions: ParsableArguments {
    @Option(help: "Write the result as JSON here (default: Reports/<command>.json).")
    var json: String?

    @Option(help: "Also write JUnit XML here, for CI systems.")
    var junit: String?

    func write(_ result: RunResult, command: String) throws {
        try save(path: json ?? "Reports/\(command).json", what: "JSON result") { try JSONReport.encode(result) }
        if let junit {
            try save(path: junit, what: "JUnit report") { Data(JUnitReport.render(result).utf8) }
        }
    }

    private func save(path: String, what: String, _ render: () throws -> Data) throws {
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try render().write(to: url, options: .atomic)
        } catch {
            throw usageFailure("\(path): cannot write the \(what): \(error.localizedDescription)")
        }
    }
}
