import MailGaugeScenario

/// An `S:` pattern (the input's first line) against a reply (the rest), matched byte for
/// byte (POP3), by meaning (IMAP) and line by line: no crash, no super-linear time (libFuzzer's
/// -timeout), and a pattern without wildcards or variables matches its own text.
enum PatternMatcherFuzzing {
    static func run(_ input: [UInt8]) -> [String] {
        let newline = input.firstIndex(of: 10) ?? input.endIndex
        let patternText = String(decoding: input[..<newline], as: UTF8.self)
        let reply = Array(input[min(newline + 1, input.endIndex)...])
        guard !patternText.contains("\r"), let expected = expectation(patternText) else { return [] }
        let bindings = Bindings()
        var broken: [String] = []
        for line in expected {
            guard case .pattern(let pattern) = line.match else { continue }
            _ = try? pattern.match(reply, bindings)
            _ = try? pattern.matchIMAP(reply, bindings)
            let plain = pattern.captures.isEmpty && pattern.variables.isEmpty && !pattern.source.contains("{")
            if plain, (try? pattern.match(Array(pattern.source.utf8), bindings)) ?? nil == nil {
                broken.append("the plain pattern \(pattern.source.debugDescription.prefix(200)) does not match its own text")
            }
        }
        let lines = reply.split(separator: 10, omittingEmptySubsequences: false).map { Array($0.last == 13 ? $0.dropLast() : $0) }
        _ = try? LinesMatcher.match(expected, lines, bindings)
        return broken
    }

    /// The expected lines of a one-exchange scenario with the pattern as its `S:` line (and,
    /// after `|`-free text, a `{...}` run and the pattern again, so runs are matched too).
    private static func expectation(_ pattern: String) -> [ExpectedLine]? {
        let text = "@protocol pop3\nC: NOOP\nS: \(pattern)\nS: {...}\nS: \(pattern)\n"
        guard let scenario = try? ScenarioParser(readFile: { _ in text }).parse(path: "fuzz.scn") else { return nil }
        for case .exchange(let exchange) in scenario.steps { return exchange.expected }
        return nil
    }
}
