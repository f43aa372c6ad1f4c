@testable import MailGaugeScenario
import Testing

/// Comparing a pattern's leading and trailing texts first must find exactly the matches, and
/// the captures, of the passes over the whole line.
struct PatternEndsTests {
    /// A deterministic generator, so a failure names a case that reproduces.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
    }

    private static let alphabet = Array("a1 \"(".utf8)

    private func piece(_ random: inout Generator, capture: Int) -> PatternPiece {
        switch random.next() % 5 {
        case 0, 1: .exact((0..<(1 + Int(random.next() % 3))).map { _ in Self.alphabet[Int(random.next() % 5)] })
        case 2: .wildcard(Wildcard(kind: .any, capture: "c\(capture)"))
        case 3: .wildcard(Wildcard(kind: .number, capture: "c\(capture)"))
        default: .wildcard(Wildcard(kind: .atom, capture: "c\(capture)"))
        }
    }

    @Test func peelingTheEndsFindsWhatTheWholeLinePassesFind() {
        var random = Generator(state: 7)
        var matches = 0
        for _ in 0..<20_000 {
            var pieces = (0..<(1 + Int(random.next() % 5))).enumerated().map { index, _ in piece(&random, capture: index) }
            if random.next() % 4 == 0, pieces.count >= 2 {
                // A quoteIfNeeded pair around the middle pieces, as around an IMAP string.
                pieces.insert(.quoteIfNeeded, at: 1)
                pieces.append(.quoteIfNeeded)
                if random.next() % 2 == 0 { pieces.append(.exact(Array(")".utf8))) }
            }
            let line = (0..<Int(random.next() % 9)).map { _ in Self.alphabet[Int(random.next() % 5)] }
            let peeled = PatternPiece.match(pieces, line)
            #expect(peeled == PatternPiece.matchBetweenEnds(pieces, line), "\(pieces) against \(String(decoding: line, as: UTF8.self))")
            if peeled != nil { matches += 1 }
        }
        #expect(matches > 1_000, "too few matches to compare: \(matches)")
    }

    /// `{*}` in a word of the pattern, which the response may quote: the value inside the
    /// quotes is captured, as the passes capture it.
    @Test(arguments: ["* OK \"abc\"", "* OK abc", "* OK \"", "* OK \"\"", "* OK \"a\"b\"", "* OK ", "* OK \"a b\" c"])
    func aQuotableWildcardCapturesAsThePassesDo(line: String) {
        let pieces: [PatternPiece] = [.exact(Array("* OK ".utf8)), .quoteIfNeeded, .wildcard(Wildcard(kind: .any, capture: "text")), .quoteIfNeeded]
        let peeled = PatternPiece.match(pieces, Array(line.utf8))
        #expect(peeled != nil)
        #expect(peeled == PatternPiece.matchBetweenEnds(pieces, Array(line.utf8)))
    }
}
