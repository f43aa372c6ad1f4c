import Foundation
import MailGaugeConformance
import MailGaugeScenario

/// The conformance suites in this checkout, found from this source file.
enum ShippedSuites {
    static let catalog = SuiteCatalog(root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios/conformance").path)

    static func scenarios(_ suites: [SuiteName]) throws -> [Scenario] {
        let parser = ScenarioParser { try String(contentsOfFile: $0, encoding: .utf8) }
        return try catalog.scenarioFiles(suites).map { try parser.parse(path: $0) }
    }
}
