import ArgumentParser
import Foundation
import MailGaugeLoad
import MailGaugeReport
import MailGaugeResult

/// `mailgauge report`: renders a JSON result again, in another form.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a JSON result as HTML or JUnit XML, or compare two results.",
        subcommands: [HTML.self, JUnit.self, Compare.self, Merge.self])

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
        // As the README writes it; `j-unit` is what the parser derived from the type's name before.
        static let configuration = CommandConfiguration(commandName: "junit", abstract: "JUnit XML for CI systems.", aliases: ["j-unit"])
        @Argument(help: "A JSON result written by mailgauge.") var result: String
        @Option(name: .shortAndLong, help: "The XML file to write.") var output = "Reports/junit.xml"

        func run() async throws {
            try ReportFile.write(JUnitReport.render(try ReportFile.read(result)), to: output)
            print(output)
        }
    }
}

extension ReportCommand {
    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show cases that changed status between two results; exit 1 on a regression.")
        @Argument(help: "The baseline JSON result.") var base: String
        @Argument(help: "The new JSON result.") var new: String
        @Option(name: .customLong("max-latency-increase"), help: "Percent a bench latency percentile may grow before it is a regression.")
        var maxLatencyIncrease: Double = 10
        @Option(name: .customLong("max-throughput-drop"), help: "Percent bench throughput may drop before it is a regression.")
        var maxThroughputDrop: Double = 10
        @Flag(help: "Report regressions without failing.") var allowRegressions = false

        func run() async throws {
            let comparison = ReportComparison(base: try ReportFile.read(base), new: try ReportFile.read(new),
                                              maxLatencyIncrease: maxLatencyIncrease, maxThroughputDrop: maxThroughputDrop)
            print(comparison.render(), terminator: "")
            let regressed = !comparison.regressions.isEmpty || !comparison.loadRegressions.isEmpty
            if regressed && !allowRegressions { throw CLIExit.failed.code }
        }
    }
}

extension ReportCommand {
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge bench results of several processes exactly (histograms added, series aligned by time).")
        @Argument(help: "JSON results written by mailgauge bench.") var results: [String]
        @Option(name: .shortAndLong, help: "The merged JSON result to write.") var output = "Reports/merged.json"

        func run() async throws {
            let merged: RunResult
            do {
                merged = try LoadResultMerge.merge(try results.map(ReportFile.read))
            } catch let error as LoadResultMerge.Failure {
                throw usageFailure("cannot merge: \(error)")
            }
            try ReportFile.write(try JSONReport.encode(merged), to: output, what: "merged result")
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
