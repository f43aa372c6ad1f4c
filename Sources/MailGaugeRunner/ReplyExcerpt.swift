import MailGaugeWire

/// The lines of a reply a step keeps to show beside its expectation: all of a short reply; of
/// a long one its first lines, the lines around where it differs, and its last line, with a
/// line saying how many were left out at each gap. A 64 MiB RETR body or a flood of untagged
/// lines then costs a bounded step in the result, the JSON and the HTML.
struct ReplyExcerpt: Equatable {
    /// The rendered lines kept, gap lines among them.
    var lines: [String]
    /// Where the differing line now is in `lines`.
    var mismatchIndex: Int?

    /// `limit` lines at most besides the gap lines (at least 8).
    init(_ all: PackedLines, mismatchAt index: Int?, limit: Int, render: (ArraySlice<UInt8>) -> String) {
        let limit = max(limit, 8)
        guard all.count > limit else {
            lines = all.map(render)
            mismatchIndex = index
            return
        }
        let head = limit / 4
        let index = index.flatMap { $0 < all.count ? $0 : nil }
        // Where the kept window around the difference starts: right after the head when the
        // difference is near the top (then there is one gap, before the last line).
        let windowStart = index.map { max(head, min($0 - (limit - head) / 2, all.count - (limit - head))) } ?? head
        let windowEnd = min(all.count - 1, windowStart + limit - head - 1)
        var kept = all[..<head].map(render)
        if windowStart > head { kept.append(Self.gap(windowStart - head)) }
        mismatchIndex = index.map { kept.count + $0 - windowStart }
        kept += all[windowStart..<windowEnd].map(render)
        if windowEnd < all.count - 1 { kept.append(Self.gap(all.count - 1 - windowEnd)) }
        kept.append(render(all[all.count - 1]))
        if let index, index == all.count - 1 { mismatchIndex = kept.count - 1 }
        lines = kept
    }

    /// Not a line of the reply: rendered lines show every non-ASCII byte escaped, so no reply
    /// line reads like this one.
    static func gap(_ count: Int) -> String { "… \(count) lines left out …" }
}
