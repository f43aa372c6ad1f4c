import Foundation
import MailGaugeFuzzTargets
import Testing

/// Every input in the committed corpora (`Fuzz/Corpus/<target>/`: the seeds, and each input a
/// fuzzer found that once broke something) still runs with every invariant kept.
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus")

    static func inputs(of target: FuzzTarget) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpus.appendingPathComponent(target.rawValue), includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(arguments: FuzzTarget.allCases)
    func theCorpusKeepsEveryInvariant(_ target: FuzzTarget) throws {
        let inputs = try Self.inputs(of: target)
        #expect(inputs.count >= 5, "a corpus of \(inputs.count) seeds")
        for input in inputs {
            let broken = target.run(Array(try Data(contentsOf: input)))
            #expect(broken.isEmpty, "\(target.rawValue)/\(input.lastPathComponent): \(broken)")
        }
    }
}
