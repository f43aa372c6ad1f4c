import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// LIST gives each message's exact size, the octets RETR sends for it: its lines with CRLF,
/// before byte-stuffing and without the terminator (RFC 1939 §5, §3).
public struct POP3MessageSizeProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/pop3-list-size-matches-retr"
    public let title = "LIST sizes equal the octets RETR sends"
    public let references = ["RFC 1939 §5", "RFC 1939 §3"]
    public let mailProtocol = MailProtocol.pop3

    /// At most this many messages are retrieved, so a large maildrop costs the run little.
    static let compared = 50

    public func run(_ context: ProbeContext) async throws {
        let session = try await context.pop3Session("main")
        var differences: [String] = []
        let listings = POP3ListingPairs.parse(try await session.command("LIST").body ?? [])
        guard !listings.isEmpty else {
            await session.quit()
            throw ScriptSkipped("LIST lists no message: an empty maildrop has no sizes to compare")
        }
        for listing in listings.prefix(Self.compared) {
            let body = try await session.command("RETR \(listing.number)").body ?? []
            let octets = body.reduce(0) { $0 + $1.count + 2 }
            if Int(listing.value) != octets { differences.append("message \(listing.number): LIST \(listing.value), RETR \(octets) octets") }
        }
        context.verify("every LIST size equals the message's RETR octets", citing: "RFC 1939 §5",
                       holds: differences.isEmpty,
                       observed: differences.isEmpty ? ["the first \(min(listings.count, Self.compared)) of \(listings.count) messages agree"] : differences)
        await session.quit()
    }
}
