import Foundation
import MailGaugeTestSupport

/// Runs the built `mailgauge` executable the way a user would.
enum CLI {
    /// `mailgauge run ARGUMENTS`, with `password` where users put it: $MAILGAUGE_PASSWORD.
    static func run(_ arguments: [String], password: String) async throws -> ProcessOutput {
        try await command(["run"] + arguments, password: password)
    }

    /// Any `mailgauge` subcommand, with `password` in $MAILGAUGE_PASSWORD.
    static func command(_ arguments: [String], password: String) async throws -> ProcessOutput {
        try await ProcessOutput.run(PackagePaths.mailgauge, arguments, environment: ["MAILGAUGE_PASSWORD": password])
    }

    static func temporaryScenario(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-\(UUID().uuidString).scn").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
