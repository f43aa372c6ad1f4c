/// Bounds on what the decoder holds in memory, so a hostile or broken server cannot make it
/// buffer without end. These are the tool's limits, not the protocol's: exceeding one is
/// reported as `pop3.decoder-limit`, and the RFC's own 512-octet limit is checked separately.
public struct POP3Limits: Sendable {
    /// Longest line content (without its line ending) kept; the excess is dropped and reported.
    public var maxLineLength: Int
    /// Most body octets kept for one multi-line response; later lines are framed but not kept.
    public var maxBodyBytes: Int
    /// Most body lines kept for one multi-line response. Each kept line costs about 60 bytes
    /// besides its octets, so ten million short lines within `maxBodyBytes` would still take
    /// 600 MB; a million is more than a 64 MiB message of 76-octet lines has.
    public var maxBodyLines: Int

    public init(maxLineLength: Int = 65_536, maxBodyBytes: Int = 64 * 1024 * 1024, maxBodyLines: Int = 1_000_000) {
        self.maxLineLength = max(1, maxLineLength)
        self.maxBodyBytes = max(0, maxBodyBytes)
        self.maxBodyLines = max(0, maxBodyLines)
    }
}
