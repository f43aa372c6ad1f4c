import Foundation
import MailGaugeConformance
import MailGaugeScenario
import Testing

/// The seeded POP3 cases judge what RFC 1939 fixes (the dot-stuffed body) and accept what it
/// leaves to the server: header fields it adds, such as the X-UIDL GNU Mailutils writes into
/// its mbox and then sends with the message.
struct SeededCaseContentTests {
    private static let run = "mgtoken"

    /// fixtures/dots.eml as a server sends it after unstuffing, `extra` header fields after Content-Type.
    private func dots(extraHeader extra: [String] = [], body change: (inout [String]) -> Void = { _ in }) throws -> [[UInt8]] {
        let file = ShippedSuites.catalog.root + "/fixtures/dots.eml"
        var lines = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "${run}", with: Self.run)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let blank = try #require(lines.firstIndex(of: ""))
        lines.insert(contentsOf: extra, at: blank)
        var body = Array(lines[(blank + extra.count + 1)...])
        change(&body)
        return (Array(lines[...(blank + extra.count)]) + body).map { Array($0.utf8) }
    }

    /// The content lines `retr-dot-stuffed.scn` expects for its RETR.
    private func expectedContent() throws -> [ExpectedLine] {
        let scenario = try ShippedSuites.scenarios([.pop3]).first { $0.file.hasSuffix("retr-dot-stuffed.scn") }
        let retr = try #require(scenario?.steps.compactMap { step -> Exchange? in
            guard case .exchange(let exchange) = step, exchange.command?.verb == "RETR" else { return nil }
            return exchange
        }.first)
        return Array(retr.expected.dropFirst().dropLast())
    }

    private func match(_ actual: [[UInt8]]) throws -> LinesMatcher.Outcome {
        var bindings = Bindings()
        bindings.set("seed_run", to: Self.run)
        return try LinesMatcher.match(try expectedContent(), actual, bindings)
    }

    @Test(arguments: [[], ["X-UIDL: 679f00776d5fc45b8d92dbe140dfce0d.1796420880.20"], ["Status: RO", "X-Keywords: "]])
    func headerFieldsTheServerAddsPass(extra: [String]) throws {
        guard case .matched = try match(try dots(extraHeader: extra)) else { Issue.record("did not match with \(extra)"); return }
    }

    @Test func aBodyLineLeftStuffedFails() throws {
        let outcome = try match(try dots { $0[1] = "." + $0[1] })
        guard case .mismatched = outcome else { Issue.record("a stuffed body line matched"); return }
    }
}
