import MailGaugeWire

/// The grammar parser and the matcher's normaliser on any framed response, by both grammars:
/// neither may crash, and a verdict must not depend on being asked twice.
enum IMAPParserFuzzing {
    static func run(_ input: [UInt8]) -> [String] {
        var framer = IMAPResponseFramer()
        framer.append(input)
        var broken: [String] = []
        while let frame = framer.nextFrame() {
            guard !frame.isTruncated else { continue }
            for version in [IMAPGrammarVersion.rev1, .rev2] {
                let parser = IMAPResponseParser(options: IMAPParserOptions(version: version))
                for expectation in [IMAPResponseParser.Expectation.greeting, .response] {
                    let first = parser.parse(frame.bytes, expecting: expectation)
                    if first != parser.parse(frame.bytes, expecting: expectation) {
                        broken.append("two parses of one frame differ (\(version), \(expectation))")
                    }
                }
            }
            for ordering in IMAPLineNormalizer.Ordering.allCases {
                _ = IMAPLineNormalizer(ordering: ordering).normalize(IMAPLineUnit.octets(frame.bytes))
            }
        }
        return broken
    }
}
