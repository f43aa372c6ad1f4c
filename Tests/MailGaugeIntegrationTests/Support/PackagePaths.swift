import Foundation
import MailGaugeWire

/// Where the package's files and built products are, found from this source file and from
/// the test bundle, so tests work from any working directory and any build folder.
enum PackagePaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The `mailgauge` executable that `swift test` built next to the test bundle.
    static var mailgauge: String {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundleFolder.appendingPathComponent("mailgauge").path
    }

    static var pop3Scenarios: [String] { scenarios(.pop3) }

    static func scenarios(_ mailProtocol: MailProtocol) -> [String] {
        let folder = file("Scenarios/\(mailProtocol.rawValue)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".scn") }.sorted().map { "\(folder)/\($0)" }
    }
}
