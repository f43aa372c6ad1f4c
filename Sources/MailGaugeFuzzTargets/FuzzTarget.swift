/// The code a fuzzer aims at: each target takes arbitrary bytes, drives one pure part of
/// MailGauge with them, and names every broken invariant it sees. A crash, a trap or a
/// timeout is a finding too; libFuzzer reports those itself (`Fuzz/`, `Scripts/fuzz.sh`).
///
/// The same targets replay the seed corpora in the test suite (`FuzzCorpusTests`), so an
/// input that once broke something stays a test.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case pop3Decoder = "pop3-decoder"
    case imapFramer = "imap-framer"
    case imapParser = "imap-parser"
    case scenarioParser = "scenario-parser"
    case patternMatcher = "pattern-matcher"

    /// Runs one input; the result lists broken invariants (empty when all held).
    public func run(_ input: [UInt8]) -> [String] {
        switch self {
        case .pop3Decoder: POP3DecoderFuzzing.run(input)
        case .imapFramer: IMAPFramerFuzzing.run(input)
        case .imapParser: IMAPParserFuzzing.run(input)
        case .scenarioParser: ScenarioParserFuzzing.run(input)
        case .patternMatcher: PatternMatcherFuzzing.run(input)
        }
    }

    /// What libFuzzer calls with each input: a broken invariant traps, so the fuzzer keeps it.
    public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
        let broken = run(Array(UnsafeBufferPointer(start: start, count: count)))
        if let first = broken.first { fatalError("\(rawValue): \(first)") }
        return 0
    }
}
