import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// STAT counts what LIST lists: the message count equals the number of scan listings and the
/// octet total equals the sum of their sizes (RFC 1939 §5).
public struct POP3StatListProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/pop3-stat-matches-list"
    public let title = "STAT's count and octet total match LIST"
    public let references = ["RFC 1939 §5"]
    public let mailProtocol = MailProtocol.pop3

    public func run(_ context: ProbeContext) async throws {
        let session = try await context.pop3Session("main")
        let stat = POP3ListingPairs.statusPair(try await session.command("STAT"))
        let listings = POP3ListingPairs.parse(try await session.command("LIST").body ?? [])
        let sizes = listings.compactMap { Int($0.value) }
        context.verify("STAT equals the count and sum of LIST", citing: "RFC 1939 §5",
                       holds: stat.map { $0.number == listings.count && Int($0.value) == sizes.reduce(0, +) } ?? false,
                       observed: ["STAT \(stat.map { "\($0.number) \($0.value)" } ?? "unreadable")",
                                      "LIST \(listings.count) messages, \(sizes.reduce(0, +)) octets"])
        await session.quit()
    }
}
