import ArgumentParser
import Foundation
import MailGaugeReport
import MailGaugeResult

/// `mailgauge report`: renders a JSON result again, in another form.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a JSON result as HTML or JUnit XML.",
        subcommands: [HTML.self, JUnit.self])

    struct HTML: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A self-contained HTML page with charts (no network needed to view it).")
        @Argument(help: "A JSON result written by mailgauge.") var result: String
        @Option(name: .shortAndLong, help: "The HTML file to write.") var output = "Reports/index.html"

        func run() async throws {
            try ReportFile.write(try HTMLReport.render(try ReportFile.read(result)), to: output)
            print(output)
        }
    }

    struct JUnit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "JUnit XML for CI systems.")
        @Argument(help: "A JSON result written by mailgauge.") var result: String
        @Option(name: .shortAndLong, help: "The XML file to write.") var output = "Reports/junit.xml"

        func run() async throws {
            try ReportFile.write(JUnitReport.render(try ReportFile.read(result)), to: output)
            print(output)
        }
    }
}

/// Reading results and writing renderings, with one-line errors naming the file.
enum ReportFile {
    static func read(_ path: String) throws -> RunResult {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw usageFailure("\(path): cannot read: \(error.localizedDescription)")
        }
        do {
            return try JSONReport.decode(data)
        } catch {
            throw usageFailure("\(path): not a mailgauge JSON result: \(error)")
        }
    }

    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path, what: "report")
    }

    static func write(_ data: Data, to path: String, what: String) throws {
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw usageFailure("\(path): cannot write the \(what): \(error.localizedDescription)")
        }
    }
}
