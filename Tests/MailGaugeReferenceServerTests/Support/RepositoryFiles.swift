import Foundation

/// Files of this repository the tests read: the seed folder and the shipped scenarios.
enum RepositoryFiles {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let seedFolder = root + "/Scripts/test-server/seed"

    static var pop3Scenarios: [String] {
        let folder = root + "/Scenarios/pop3"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".scn") }.sorted().map { folder + "/" + $0 }
    }
}
