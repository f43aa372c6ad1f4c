// Time of `S:` pattern matching against replies of 1 KB to 1 MB, the shapes a hostile server
// sends: one long line against several wildcards (POP3 byte for byte, IMAP by meaning), and a
// long multi-line reply against several `{...}`. Linear matching shows a constant time per
// KB as the reply grows. Build with -c release.
import Foundation
import MailGaugeScenario

/// The expected lines of the scenario's one exchange.
func expectation(_ protocolName: String, _ lines: [String]) throws -> [ExpectedLine] {
    let text = "@protocol \(protocolName)\nC: NOOP\n" + lines.map { "S: " + $0 + "\n" }.joined()
    let scenario = try ScenarioParser { _ in text }.parse(path: "bench.scn")
    for case .exchange(let exchange) in scenario.steps { return exchange.expected }
    fatalError("no exchange")
}

func pattern(_ line: ExpectedLine) -> LinePattern {
    guard case .pattern(let pattern) = line.match else { fatalError("not a pattern") }
    return pattern
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = start.duration(to: clock.now)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let pop3Line = pattern(try expectation("pop3", ["+OK {*}a{*}a{*}a{*}a{*}b"])[0])
let imapLine = pattern(try expectation("imap", ["* 1 FETCH (BODY[] {*}\"{*}\" {x:atom} {*}b)"])[0])
let manyLines = try expectation("pop3", ["+OK {*}", "{...}", "x", "{...}", "x", "{...}", "end", "."])
let runs = 3

print("reply     pop3 line  imap line  lines      (ms per KB, best of \(runs))")
for size in [1_000, 10_000, 100_000, 1_000_000] {
    let line = Array("+OK ".utf8) + Array(repeating: UInt8(ascii: "a"), count: size - 4)
    let imap = Array("* 1 FETCH (BODY[] ".utf8) + Array(repeating: UInt8(ascii: "a"), count: size - 18)
    let lines = [Array("+OK ready".utf8)] + Array(repeating: Array("x".utf8), count: size / 2) + [Array(".".utf8)]
    var best = [Double.infinity, .infinity, .infinity]
    for _ in 0..<runs {
        best[0] = min(best[0], try seconds { if try pop3Line.match(line, Bindings()) != nil { fatalError("matched") } })
        best[1] = min(best[1], try seconds { if try imapLine.matchIMAP(imap, Bindings()) != nil { fatalError("matched") } })
        best[2] = min(best[2], try seconds { if case .matched = try LinesMatcher.match(manyLines, lines, Bindings()) { fatalError("matched") } })
    }
    let perKB = best.map { String(format: "%9.4f", $0 * 1000 / (Double(size) / 1000)) }
    print(String(format: "%7d B ", size) + perKB.joined(separator: "  "))
}
