import MailGaugeScenario

/// Any bytes as a scenario file (which includes itself when it says `@include`): the parser
/// must answer with a scenario or one visible line naming file and line, never crash.
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
            if !namesFileAndLine(line) { broken.append("the error names no file and line: \(line.prefix(200))") }
            return broken
        }
    }

    /// `path:line: message`, the path being this file or one it includes (any name: every
    /// include reads this input again).
    private static func namesFileAndLine(_ line: String) -> Bool {
        guard let colon = line.firstRange(of: ": ") else { return false }
        let place = line[..<colon.lowerBound]
        guard let lineColon = place.lastIndex(of: ":") else { return false }
        let number = place[place.index(after: lineColon)...]
        return lineColon > place.startIndex && !number.isEmpty && number.allSatisfy { $0.isNumber }
    }
}
