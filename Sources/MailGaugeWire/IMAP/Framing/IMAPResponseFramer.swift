/// Cuts complete IMAP server responses out of a byte stream.
///
/// A response ends at a line end outside quoted strings and literals; a line ending in a
/// literal announcement `{n}` continues after exactly n raw octets (RFC 9051 §4.3, §7).
/// Scanning is incremental: each byte is examined once however the stream is chunked, so
/// feeding input a byte at a time yields the same frames and findings as feeding it whole.
/// Memory stays bounded by `IMAPFramingLimits`.
public struct IMAPResponseFramer: Sendable {
    public let limits: IMAPFramingLimits

    private var buffer: [UInt8] = []
    /// First byte of the response being framed (bytes before it are already handed out).
    private var frameStart = 0
    /// First byte not yet examined.
    private var scanIndex = 0
    private var state = IMAPFramerState.normal
    private var lineLength = 0
    private var responseLength = 0
    private var findings: [Finding] = []
    /// Set once a limit is crossed: the kept head of the response; the rest is discarded.
    private var truncatedPrefix: [UInt8]?
    /// The response was handed out when its oversized literal was announced: the client
    /// learns at once, not after octets that may never come; what follows up to its end is
    /// discarded without a frame of its own.
    private var handedOutEarly = false

    public init(limits: IMAPFramingLimits = IMAPFramingLimits()) {
        self.limits = limits
    }

    /// Bytes received but not yet handed out as a frame (discarded bytes are not counted).
    public var bufferedByteCount: Int { buffer.count - frameStart }

    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete response, or nil when more bytes are needed.
    public mutating func nextFrame() -> IMAPFrame? {
        compact()
        while scanIndex < buffer.count {
            if case .literal(let remaining) = state {
                skipLiteral(remaining: remaining)
                continue
            }
            skipOrdinaryBytes()
            guard scanIndex < buffer.count else { break }
            let byte = buffer[scanIndex]
            scanIndex += 1
            if let frame = step(byte) { return frame }
        }
        if truncatedPrefix != nil { frameStart = scanIndex }
        return nil
    }

    // MARK: - State machine

    private mutating func step(_ byte: UInt8) -> IMAPFrame? {
        lineLength += 1
        count(bytes: 1)
        // Only the byte that crosses the limit: past it, a finding per byte would cost a
        // message each (an endless line stalled the reader, and the socket's bytes piled up).
        if lineLength == limits.maxLineLength + 1 {
            truncate(rule: "limit-line-length", message: "line exceeds \(limits.maxLineLength) bytes outside literals")
        }
        switch state {
        case .normal:
            return normal(byte)
        case .afterCR(let pending):
            if byte == IMAPFramerByte.lf { return lineEnded(pendingLiteral: pending) }
            // A lone CR is not a line end; the parser reports it where it stands.
            state = .normal
            return normal(byte)
        case .quoted(let escaped):
            switch byte {
            case IMAPFramerByte.cr: state = .afterCR(pendingLiteral: nil)
            case IMAPFramerByte.lf: return bareLineFeed(pendingLiteral: nil)
            case UInt8(ascii: "\"") where !escaped: state = .normal
            case UInt8(ascii: "\\") where !escaped: state = .quoted(escaped: true)
            default: state = .quoted(escaped: false)
            }
        case .literalHeader(var header):
            if header.isClosed {
                switch byte {
                case IMAPFramerByte.cr: state = .afterCR(pendingLiteral: header.count)
                case IMAPFramerByte.lf: return bareLineFeed(pendingLiteral: header.count)
                default:
                    state = .normal
                    return normal(byte)
                }
            } else if header.accept(byte) {
                state = .literalHeader(header)
            } else {
                state = .normal
                return normal(byte)
            }
        case .literal:
            preconditionFailure("literal data is consumed by skipLiteral")
        }
        return nil
    }

    private mutating func normal(_ byte: UInt8) -> IMAPFrame? {
        switch byte {
        case UInt8(ascii: "\""): state = .quoted(escaped: false)
        case UInt8(ascii: "{"): state = .literalHeader(IMAPLiteralHeader())
        case IMAPFramerByte.cr: state = .afterCR(pendingLiteral: nil)
        case IMAPFramerByte.lf: return bareLineFeed(pendingLiteral: nil)
        default: break
        }
        return nil
    }

    /// RFC 9051 §2.2: lines end in CRLF. Servers that send a bare LF are understood by most
    /// clients, so it is accepted as a line end with a warning.
    private mutating func bareLineFeed(pendingLiteral: Int?) -> IMAPFrame? {
        let lineFeed = scanIndex - 1
        let window = truncatedPrefix == nil
            ? Array(buffer[max(frameStart, lineFeed - 16)...lineFeed])
            : [IMAPFramerByte.lf]
        findings.append(Finding(
            rule: "CRLF", reference: "RFC 9051 §2.2", severity: .warning,
            message: "line ended by a bare LF at offset \(responseLength - 1)", bytes: window))
        return lineEnded(pendingLiteral: pendingLiteral)
    }

    private mutating func lineEnded(pendingLiteral: Int?) -> IMAPFrame? {
        lineLength = 0
        guard let octets = pendingLiteral else { return completeFrame() }
        state = octets == 0 ? .normal : .literal(remaining: octets)
        guard octets > limits.maxLiteralSize, !handedOutEarly else { return nil }
        truncate(rule: IMAPFramingLimits.literalSizeRule, message: "literal of \(octets) bytes announced, above the limit of \(limits.maxLiteralSize)")
        handedOutEarly = true
        let frame = IMAPFrame(bytes: truncatedPrefix ?? [], findings: findings, isTruncated: true)
        findings = []
        return frame
    }

    /// Passes in bulk over bytes that cannot change the state: anything but a line end, `"`
    /// and `{` in text, anything but a line end, `"` and `\\` in a quoted string. Stops short of
    /// the line-length limit so that `step` sees the byte that crosses it, whatever the chunking;
    /// past the limit, skips in bulk again.
    private mutating func skipOrdinaryBytes() {
        let special: UInt8
        switch state {
        case .normal: special = UInt8(ascii: "{")
        case .quoted(escaped: false): special = UInt8(ascii: "\\")
        default: return
        }
        let room = lineLength > limits.maxLineLength ? buffer.count : max(0, limits.maxLineLength - lineLength)
        let end = min(buffer.count, scanIndex + room)
        var index = scanIndex
        while index < end {
            let byte = buffer[index]
            if byte == special || byte == UInt8(ascii: "\"") || byte == IMAPFramerByte.cr || byte == IMAPFramerByte.lf { break }
            index += 1
        }
        let skipped = index - scanIndex
        scanIndex = index
        lineLength += skipped
        count(bytes: skipped)
    }

    private mutating func skipLiteral(remaining: Int) {
        let taken = min(remaining, buffer.count - scanIndex)
        scanIndex += taken
        count(bytes: taken)
        state = taken == remaining ? .normal : .literal(remaining: remaining - taken)
    }

    /// Adds to the response length, truncating exactly when the limit is first crossed so the
    /// kept prefix does not depend on how the input was chunked.
    private mutating func count(bytes: Int) {
        let before = responseLength
        responseLength += bytes
        if before <= limits.maxResponseSize && responseLength > limits.maxResponseSize {
            truncate(rule: "limit-response-size", message: "response exceeds \(limits.maxResponseSize) bytes",
                     crossingAt: limits.maxResponseSize + 1)
        }
    }

    private mutating func truncate(rule: String, message: String, crossingAt: Int? = nil) {
        guard truncatedPrefix == nil else { return }
        let kept = min(limits.truncatedPrefixLength, crossingAt ?? responseLength)
        truncatedPrefix = Array(buffer[frameStart..<(frameStart + kept)])
        findings.append(Finding(
            rule: rule, reference: "RFC 9051 §4.3", severity: .violation,
            message: message + "; the rest of this response is discarded", bytes: truncatedPrefix ?? []))
    }

    private mutating func completeFrame() -> IMAPFrame? {
        let frame: IMAPFrame?
        if handedOutEarly {
            frame = nil
        } else if let prefix = truncatedPrefix {
            frame = IMAPFrame(bytes: prefix, findings: findings, isTruncated: true)
        } else {
            frame = IMAPFrame(bytes: Array(buffer[frameStart..<scanIndex]), findings: findings)
        }
        frameStart = scanIndex
        state = .normal
        lineLength = 0
        responseLength = 0
        findings = []
        truncatedPrefix = nil
        handedOutEarly = false
        return frame
    }

    /// Drops handed-out bytes once they make up at least half the buffer: amortised O(1) per byte.
    private mutating func compact() {
        guard frameStart > 0 else { return }
        if frameStart == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if frameStart >= 4096 && frameStart * 2 >= buffer.count {
            buffer.removeSubrange(0..<frameStart)
        } else {
            return
        }
        scanIndex -= frameStart
        frameStart = 0
    }
}
