import MailGaugeScenario

/// Any bytes as a scenario file (which includes itself when it says `@include`): the parser
/// must answer with a scenario or one visible line naming a line of the file, never crash.
enum ScenarioParserFuzzing {
    static func run(_ input: [UInt8]) -> [String] {
        let text = String(decoding: input, as: UTF8.self)
        var limits = ScenarioParser.Limits()
        limits.totalLines = 2_000
        limits.includeDepth = 4
        do {
            _ = try ScenarioParser(limits: limits) { _ in text }.parse(path: "fuzz.scn")
            return []
        } catch {
            let line = error.description
            var broken: [String] = []
            if line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                broken.append("the error holds a control character: \(line.debugDescription.prefix(200))")
            }
            // Every file read is this input, so a line named is one of its lines (or the line
            // after its last, for what is missing at the end).
            let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
            if !(1...lineCount + 1).contains(error.location.line) || error.location.file.isEmpty {
                broken.append("the error names no line of the file: \(line.prefix(200))")
            }
            return broken
        }
    }
}
