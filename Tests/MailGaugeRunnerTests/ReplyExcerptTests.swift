@testable import MailGaugeRunner
import MailGaugeWire
import Testing

/// A step keeps a bounded excerpt of a long reply, with the differing line in it and still marked.
struct ReplyExcerptTests {
    private let reply = (0..<1000).map { Array("line \($0)".utf8) }

    private func excerpt(_ count: Int, mismatchAt index: Int?) -> ReplyExcerpt {
        ReplyExcerpt(PackedLines(reply.prefix(count)), mismatchAt: index, limit: 20) { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aShortReplyIsKeptWhole() {
        let kept = excerpt(20, mismatchAt: 7)
        #expect(kept.lines.count == 20)
        #expect(kept.mismatchIndex == 7)
    }

    @Test func aLongReplyKeepsItsHeadAndLastLine() {
        let kept = excerpt(1000, mismatchAt: nil)
        #expect(kept.lines.count == 21)
        #expect(kept.lines.prefix(19) == ArraySlice((0..<19).map { "line \($0)" }))
        #expect(kept.lines.suffix(2) == ["… 980 lines left out …", "line 999"])
    }

    @Test(arguments: [0, 3, 4, 10, 500, 990, 998, 999])
    func theDifferingLineIsKeptAndPointedAt(index: Int) {
        let kept = excerpt(1000, mismatchAt: index)
        #expect(kept.lines.count <= 22)
        #expect(kept.mismatchIndex.map { kept.lines[$0] } == "line \(index)")
        #expect(kept.lines.first == "line 0")
        #expect(kept.lines.last == "line 999")
        let shown = kept.lines.compactMap { $0.hasPrefix("line ") ? Int($0.dropFirst(5)) : nil }
        let leftOut = kept.lines.compactMap { $0.hasPrefix("… ") ? Int($0.split(separator: " ")[1]) : nil }
        #expect(shown == shown.sorted())
        #expect(shown.count + leftOut.reduce(0, +) == 1000)
    }
}
