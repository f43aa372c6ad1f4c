import MailGaugeClient
import MailGaugeRunner
import MailGaugeWire

/// STAT counts what LIST lists: the message count equals the number of scan listings and the
/// octet total equals the sum of their sizes (RFC 1939 §5); after DELE of the first message
/// STAT leaves it out, and after RSET counts it again.
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
        if let stat, let first = listings.first, let size = Int(first.value), let octets = Int(stat.value) {
            try await checkDeletedLeftOut(session, message: first.number, size: size, stat: (stat.number, octets), context)
        }
        await session.quit()
    }

    /// STAT leaves out a message marked deleted (RFC 1939 §5, STAT and DELE), and RSET
    /// unmarks it. RSET always follows the DELE before QUIT, so nothing is ever deleted; a
    /// step that throws in between closes the session without QUIT, which deletes nothing
    /// either (RFC 1939 §6).
    private func checkDeletedLeftOut(_ session: POP3ScriptedConnection, message: Int, size: Int, stat: (count: Int, octets: Int),
                                     _ context: ProbeContext) async throws {
        try await session.command("DELE \(message)")
        let marked = POP3ListingPairs.statusPair(try await session.command("STAT"))
        try await session.command("RSET")
        let reset = POP3ListingPairs.statusPair(try await session.command("STAT"))
        let describe = { (pair: (number: Int, value: String)?) in pair.map { "\($0.number) \($0.value)" } ?? "unreadable" }
        context.verify("STAT leaves out the message marked deleted", citing: "RFC 1939 §5",
                       holds: marked.map { $0.number == stat.count - 1 && Int($0.value) == stat.octets - size } ?? false,
                       observed: ["STAT \(stat.count) \(stat.octets)", "DELE \(message) (\(size) octets), then STAT \(describe(marked))"])
        context.verify("RSET unmarks it: STAT is as before", citing: "RFC 1939 §5",
                       holds: reset.map { $0.number == stat.count && Int($0.value) == stat.octets } ?? false,
                       observed: ["after RSET, STAT \(describe(reset))"])
    }
}
