import MailGaugeWire

/// The IMAP framer must cut the same frames from a stream fed whole and fed a byte at a time
/// (its states are resumable), keep within its limits, and hand out every byte it kept.
enum IMAPFramerFuzzing {
    static func run(_ input: [UInt8]) -> [String] {
        let limits = IMAPFramingLimits(maxLineLength: 128, maxLiteralSize: 256, maxResponseSize: 1024)
        var whole = IMAPResponseFramer(limits: limits)
        whole.append(input)
        let wholeFrames = frames(&whole)
        var trickled = IMAPResponseFramer(limits: limits)
        var trickledFrames: [IMAPFrame] = []
        for byte in input {
            trickled.append(CollectionOfOne(byte))
            trickledFrames += frames(&trickled)
        }
        var broken: [String] = []
        if wholeFrames != trickledFrames { broken.append("\(wholeFrames.count) frames whole, \(trickledFrames.count) a byte at a time, or their bytes differ") }
        if let big = wholeFrames.first(where: { $0.bytes.count > limits.maxResponseSize + limits.maxLineLength + 2 }) {
            broken.append("a frame of \(big.bytes.count) bytes passed the response limit")
        }
        return broken
    }

    private static func frames(_ framer: inout IMAPResponseFramer) -> [IMAPFrame] {
        var frames: [IMAPFrame] = []
        while let frame = framer.nextFrame() { frames.append(frame) }
        return frames
    }
}
