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

    public func run(_ context: ProbeContext) async throws {
        let session = try await context.pop3Session("main")
        var differences: [String] = []
        let listings = POP3ListingPairs.parse(try await session.command("LIST").body ?? [])
        for listing in listings {
            let body = try await session.command("RETR \(listing.number)").body ?? []
            let octets = body.reduce(0) { $0 + $1.count + 2 }
            if Int(listing.value) != octets { differences.append("message \(listing.number): LIST \(listing.value), RETR \(octets) octets") }
        }
        context.verify("every LIST size equals the message's RETR octets", citing: "RFC 1939 §5",
                       holds: differences.isEmpty && !listings.isEmpty,
                       observed: differences.isEmpty ? ["\(listings.count) messages agree"] : differences)
        await session.quit()
    }
}
