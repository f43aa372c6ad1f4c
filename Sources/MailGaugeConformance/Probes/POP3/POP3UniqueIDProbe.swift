import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// Unique-ids are 1-70 visible octets, unique in the maildrop (the decoder checks both on the
/// wire), the same through `UIDL n` as in the listing, and the same in a later session
/// (RFC 1939 §7).
public struct POP3UniqueIDProbe: ConformanceProbe {
    public init() {}
    public let id = "probes/pop3-uidl-unique-and-stable"
    public let title = "UIDL unique-ids are unique, agree with UIDL n, and survive the session"
    public let references = ["RFC 1939 §7"]
    public let mailProtocol = MailProtocol.pop3
    public let requirements = ["UIDL"]

    public func run(_ context: ProbeContext) async throws {
        let first = try await context.pop3Session("main")
        let listing = POP3ListingPairs.parse(try await first.command("UIDL").body ?? [])
        guard !listing.isEmpty else {
            await first.quit()
            throw ScriptSkipped("UIDL lists no message: an empty maildrop has no unique-ids to compare")
        }
        var singles: [(number: Int, value: String)] = []
        for entry in listing {
            if let single = POP3ListingPairs.statusPair(try await first.command("UIDL \(entry.number)")) { singles.append(single) }
        }
        await first.quit()
        let unique = Set(listing.map(\.value)).count == listing.count
        context.verify("unique-ids are unique within the maildrop", citing: "RFC 1939 §7", holds: unique,
                       observed: listing.map { "\($0.number) \($0.value)" })
        context.verify("UIDL n gives the listing's unique-id", citing: "RFC 1939 §7",
                       holds: singles.map(\.value) == listing.map(\.value), observed: singles.map { "\($0.number) \($0.value)" })
        let again = try await context.pop3Session("again")
        let later = POP3ListingPairs.parse(try await again.command("UIDL").body ?? [])
        await again.quit()
        context.verify("unique-ids are the same in a later session", citing: "RFC 1939 §7",
                       holds: later.map(\.value) == listing.map(\.value), observed: later.map { "\($0.number) \($0.value)" })
    }
}
