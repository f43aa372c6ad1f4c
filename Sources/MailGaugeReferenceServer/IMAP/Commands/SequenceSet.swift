/// A `sequence-set` of message numbers or UIDs (RFC 9051 §9), resolved against a mailbox.
struct SequenceSet: Sendable, Equatable {
    enum Bound: Sendable, Equatable {
        case number(UInt32)
        /// `*`: the largest number or UID in use (RFC 9051 §9 `seq-number`).
        case largest
    }

    struct Range: Sendable, Equatable {
        let first: Bound
        let last: Bound
    }

    let ranges: [Range]

    /// Whether `value` is in the set when `*` means `largest`. A range's ends may come in either
    /// order (`4:2` is `2:4`, RFC 9051 §9 `seq-range`).
    func contains(_ value: UInt32, largest: UInt32) -> Bool {
        ranges.contains { range in
            let a = resolve(range.first, largest), b = resolve(range.last, largest)
            return min(a, b) <= value && value <= max(a, b)
        }
    }

    /// The largest explicit number in the set, to check sequence numbers against EXISTS.
    var largestExplicitNumber: UInt32 {
        ranges.flatMap { [$0.first, $0.last] }.reduce(0) { result, bound in
            if case .number(let value) = bound { return max(result, value) }
            return result
        }
    }

    private func resolve(_ bound: Bound, _ largest: UInt32) -> UInt32 {
        switch bound {
        case .number(let value): value
        case .largest: largest
        }
    }
}
