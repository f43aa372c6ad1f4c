/// `sequence-set` / `uid-set` (RFC 9051 §9): ranges of message numbers or UIDs in the order sent.
/// `*` (the largest number in use) is kept as `UInt32.max`.
public struct IMAPSequenceSet: Sendable, Hashable {
    public var ranges: [ClosedRange<UInt32>]

    public init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = ranges
    }
}
