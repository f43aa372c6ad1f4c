/// Lines of octets kept in one buffer with where each ends, instead of an array per line:
/// a million short lines (a POP3 body, a flood) then cost their octets and 8 bytes each, not
/// the 60 or so an array of its own takes. Each line is a slice of the buffer.
public struct PackedLines: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral {
    private var octets: [UInt8] = []
    /// Where each line ends in `octets`; line `i` starts where line `i - 1` ends.
    private var ends: [Int] = []

    public init() {}

    public init<Lines: Sequence>(_ lines: Lines) where Lines.Element: Collection<UInt8> {
        for line in lines { append(line) }
    }

    public init(arrayLiteral lines: [UInt8]...) {
        self.init(lines)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(position: Int) -> ArraySlice<UInt8> {
        octets[(position == 0 ? 0 : ends[position - 1])..<ends[position]]
    }

    /// The octets of all lines together.
    public var octetCount: Int { octets.count }

    public mutating func append(_ line: some Collection<UInt8>) {
        octets.append(contentsOf: line)
        ends.append(octets.count)
    }

    public mutating func append(contentsOf lines: PackedLines) {
        let base = octets.count
        octets += lines.octets
        ends += lines.ends.map { $0 + base }
    }
}
