@testable import MailGaugeWire
import Testing

struct ZeroByteScanTests {
    /// Every length to past two words, a NUL at every place or none: the same answer as a
    /// byte-at-a-time search.
    @Test func findsTheFirstNULWhereverItIs() {
        for count in 0..<20 {
            let plain = (0..<count).map { UInt8(1 + $0 % 255) }
            #expect(ZeroByteScan.firstZero(in: plain) == nil)
            for place in 0..<count {
                var bytes = plain
                bytes[place] = 0
                if place + 2 < count { bytes[place + 2] = 0 }
                #expect(ZeroByteScan.firstZero(in: bytes) == place, "\(count) bytes, NUL at \(place)")
            }
        }
        // A byte of 0x80 or 0x01 beside one another is not taken for a NUL.
        #expect(ZeroByteScan.firstZero(in: [0x80, 0x01, 0x80, 0x01, 0xFF, 0x01, 0x80, 0x81, 0x00]) == 8)
    }
}
