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

    @Option(help: "Also write a self-contained HTML report here.")
    var html: String?

    func write(_ result: RunResult, command: String) throws {
        try ReportFile.write(try JSONReport.encode(result), to: json ?? "Reports/\(command).json", what: "JSON result")
        if let junit { try ReportFile.write(JUnitReport.render(result), to: junit) }
        if let html { try ReportFile.write(try HTMLReport.render(result), to: html) }
    }
}
