/// Whole-line matching of a pattern's pieces in time linear in the line's length (times the
/// pattern's), however the server pads its reply: `{*}a{*}a{*}b` against a megabyte of `a`s
/// costs a few passes over it, not the exponential search of backtracking.
///
/// Two passes. Backwards, `reachable[i]` marks every position of the line from which pieces
/// `i…` can match the rest of it (one bit set per lane, see `Lane`). Forwards, the walk takes
/// at each wildcard the longest length after which the rest can still match — the match a
/// longest-first backtracking search would find first, so captures are what they always were.
extension PatternPiece {
    /// Where a piece stands relative to a `quoteIfNeeded` pair: outside one (or inside, the
    /// string written without quotes), or inside a string the response quoted.
    private enum Lane: Int, CaseIterable {
        case unquoted, quoted
    }

    /// The captures of a whole-line match, or nil. Most patterns start with text (`* OK `, a
    /// tag) and many end with it: those ends are compared first, and the passes, which cost
    /// memory in the line's length, run on what lies between, or not at all for a lone `{*}`
    /// there. A whole-line match is the same either way: the first piece can only match at
    /// the start and the last at the end.
    static func match(_ pieces: [PatternPiece], _ line: [UInt8]) -> [String: String]? {
        if let text = exactText(pieces) { return text.elementsEqual(line) ? [:] : nil }
        var (first, last) = (pieces.startIndex, pieces.endIndex)
        var (start, end) = (line.startIndex, line.endIndex)
        while first < last, case .exact(let bytes) = pieces[first] {
            guard line[start...].starts(with: bytes) else { return nil }
            start += bytes.count
            first += 1
        }
        // A trailing text inside a quoteIfNeeded pair may stand behind a quote the response added.
        while first < last, case .exact(let bytes) = pieces[last - 1], !isInsideQuotes(last - 1, in: pieces) {
            guard end - start >= bytes.count, line[(end - bytes.count)..<end].elementsEqual(bytes) else { return nil }
            end -= bytes.count
            last -= 1
        }
        if last - first == 1, case .wildcard(let wildcard) = pieces[first], wildcard.kind == .any {
            return wildcard.capture.map { [$0: String(decoding: line[start..<end], as: UTF8.self)] } ?? [:]
        }
        // `{*}` where the response may quote it (a word of the pattern, `* OK {*}`): anything
        // matches; a quoted string's value is what is captured, as the passes would take it.
        if last - first == 3, case .quoteIfNeeded = pieces[first], case .quoteIfNeeded = pieces[last - 1],
           case .wildcard(let wildcard) = pieces[first + 1], wildcard.kind == .any {
            let quoted = end - start >= 2 && line[start] == quote && line[end - 1] == quote
            let value = quoted ? line[(start + 1)..<(end - 1)] : line[start..<end]
            return wildcard.capture.map { [$0: String(decoding: value, as: UTF8.self)] } ?? [:]
        }
        if first == pieces.startIndex, last == pieces.endIndex { return matchBetweenEnds(pieces, line) }
        return matchBetweenEnds(Array(pieces[first..<last]), Array(line[start..<end]))
    }

    /// `match` once the pattern's leading and trailing texts are taken off both (or of the
    /// whole, for the tests that compare the two).
    static func matchBetweenEnds(_ pieces: [PatternPiece], _ line: [UInt8]) -> [String: String]? {
        if pieces.isEmpty { return line.isEmpty ? [:] : nil }
        let reachable = reachability(pieces, line)
        guard reachable[0][Lane.unquoted.rawValue][0] else { return nil }
        var captures: [String: String] = [:]
        var position = 0
        var lane = Lane.unquoted
        for (index, piece) in pieces.enumerated() {
            let next = reachable[index + 1]
            switch piece {
            case .exact(let bytes):
                position += bytes.count
            case .quoteIfNeeded where !isInsideQuotes(index, in: pieces):
                let quoted = line.indices.contains(position) && line[position] == quote && next[Lane.quoted.rawValue][position + 1]
                lane = quoted ? .quoted : .unquoted
                if quoted { position += 1 }
            case .quoteIfNeeded:
                if lane == .quoted { position += 1 }
                lane = .unquoted
            case .wildcard(let wildcard):
                let end = runEnd(of: wildcard.kind, from: position, in: line, lane: lane)
                let shortest = position + (wildcard.kind == .any ? 0 : 1)
                // The backward pass proved some length fits; the longest one is taken.
                var landing = end
                while !next[lane.rawValue][landing] { landing -= 1 }
                precondition(landing >= shortest, "the backward pass admitted no length")
                if let name = wildcard.capture { captures[name] = String(decoding: line[position..<landing], as: UTF8.self) }
                position = landing
            }
        }
        return captures
    }

    private static let quote = UInt8(ascii: "\"")

    /// The text a pattern without wildcards stands for: most lines of a reply are compared
    /// against one, and need no passes.
    private static func exactText(_ pieces: [PatternPiece]) -> [UInt8]? {
        var text: [UInt8] = []
        for piece in pieces {
            guard case .exact(let bytes) = piece else { return nil }
            text += bytes
        }
        return text
    }

    /// `reachable[i][lane][p]`: pieces `i…`, entered at position `p` in `lane`, match the rest
    /// of the line. Computed from the last piece back, each in one or two passes over the line.
    private static func reachability(_ pieces: [PatternPiece], _ line: [UInt8]) -> [[PositionSet]] {
        let count = line.count
        var reachable = Array(repeating: [PositionSet(count: count + 1), PositionSet(count: count + 1)], count: pieces.count + 1)
        reachable[pieces.count][Lane.unquoted.rawValue][count] = true
        for index in pieces.indices.reversed() {
            let next = reachable[index + 1]
            // Only inside a quoteIfNeeded pair can the match stand in a quoted string.
            for lane in isInsideQuotes(index, in: pieces) ? Lane.allCases : [.unquoted] {
                var here = PositionSet(count: count + 1)
                switch pieces[index] {
                case .exact(let bytes):
                    for position in 0...count where position + bytes.count <= count && next[lane.rawValue][position + bytes.count] {
                        here[position] = line[position..<position + bytes.count].elementsEqual(bytes)
                    }
                case .quoteIfNeeded where !isInsideQuotes(index, in: pieces):
                    for position in 0...count {
                        here[position] = next[Lane.unquoted.rawValue][position]
                            || (position < count && line[position] == quote && next[Lane.quoted.rawValue][position + 1])
                    }
                case .quoteIfNeeded:
                    for position in 0...count {
                        here[position] = lane == .unquoted ? next[Lane.unquoted.rawValue][position]
                            : position < count && line[position] == quote && next[Lane.unquoted.rawValue][position + 1]
                    }
                case .wildcard(let wildcard):
                    // The first reachable landing at or after each position, then: some landing
                    // lies between the shortest and the longest run from there.
                    var firstLanding = Array(repeating: Int.max, count: count + 2)
                    for position in stride(from: count, through: 0, by: -1) {
                        firstLanding[position] = next[lane.rawValue][position] ? position : firstLanding[position + 1]
                    }
                    var end = count
                    for position in stride(from: count, through: 0, by: -1) {
                        end = runEnd(of: wildcard.kind, from: position, in: line, lane: lane, knownEndAfter: end)
                        let shortest = position + (wildcard.kind == .any ? 0 : 1)
                        here[position] = shortest <= end && firstLanding[shortest] <= end
                    }
                }
                reachable[index][lane.rawValue] = here
            }
        }
        return reachable
    }

    /// Where the longest run a wildcard may take from `position` ends: the line's end for
    /// `{*}`; the first non-digit for `{number}`; the first space for `{atom}` (or closing
    /// quote, inside a quoted string, so it captures the value alone). `knownEndAfter`, the
    /// run's end from `position + 1`, makes a backward sweep linear.
    private static func runEnd(of kind: WildcardKind, from position: Int, in line: [UInt8], lane: Lane, knownEndAfter: Int? = nil) -> Int {
        if kind == .any { return line.count }
        guard position < line.count, continuesRun(of: kind, line[position], lane: lane) else { return position }
        if let knownEndAfter { return knownEndAfter }
        var end = position + 1
        while end < line.count, continuesRun(of: kind, line[end], lane: lane) { end += 1 }
        return end
    }

    private static func continuesRun(of kind: WildcardKind, _ byte: UInt8, lane: Lane) -> Bool {
        switch kind {
        case .any: true
        case .number: (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        case .atom: byte != UInt8(ascii: " ") && !(lane == .quoted && byte == quote)
        }
    }

    /// `quoteIfNeeded` pieces come in pairs around a string: after an odd number of them a
    /// piece is inside one (the closing one included); one after an even number opens a pair.
    private static func isInsideQuotes(_ index: Int, in pieces: [PatternPiece]) -> Bool {
        pieces[..<index].count { if case .quoteIfNeeded = $0 { true } else { false } } % 2 == 1
    }
}

/// One bit per position of a line, 0 through its length.
struct PositionSet {
    private var words: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    subscript(position: Int) -> Bool {
        get { words[position >> 6] & (1 << UInt64(position & 63)) != 0 }
        set {
            if newValue { words[position >> 6] |= 1 << UInt64(position & 63) } else { words[position >> 6] &= ~(1 << UInt64(position & 63)) }
        }
    }
}
