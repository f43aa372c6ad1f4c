import ArgumentParser
import Foundation
import MailGaugeClient
import MailGaugeConformance
import MailGaugeResult
import MailGaugeRunner

/// `mailgauge check`: the conformance suites and probes against one server, compared with a
/// known-deviation baseline when given one.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the conformance suites and protocol probes against a server.",
        discussion: """
            Cases needing a capability the server does not advertise are skipped, with the capability named.
            Exit codes: 0 no failure beyond the baseline; 1 a new failure, or a baseline entry that now passes;
            2 usage or connection error.
            """)

    @OptionGroup var target: TargetOptions
    @OptionGroup var account: AccountOptions

    @Option(help: "The suite to run: pop3, imap4rev1 or imap4rev2 (repeatable; default: every suite of the target's protocol).")
    var suite: [SuiteName] = []

    @Option(help: "The folder holding the pop3/ and imap/ conformance suites.")
    var suites = "Scenarios/conformance"

    @Option(help: "A baseline of accepted failures: case-id and reason per line.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Write the current failures as a baseline (edit the placeholder reasons).")
    var writeBaseline: String?

    @Option(name: .customLong("seed-via"),
            help: "POP3: APPEND the fixtures the @seeded cases read to the same account's INBOX over this IMAP server (imap://host:port or imaps://…; --starttls, --ca-file and --insecure apply), and remove them afterwards. Without it those cases are skipped.")
    var seedVia: String?

    @Option(name: .customLong("max-time"),
            help: "Seconds the cases and probes may take in all; each runs only in the time left, and those left when it is spent are not run (exit 2).")
    var maxTime: Double?

    @OptionGroup var reports: ReportOptions

    func validate() throws {
        if let maxTime, !(maxTime > 0 && maxTime <= 86_400) {
            throw usageFailure("--max-time must be more than 0 and at most 86400 seconds, not \(maxTime)")
        }
        let mailProtocol = try target.resolvedTarget().mailProtocol
        if let wrong = suite.first(where: { $0.mailProtocol != mailProtocol }) {
            throw ValidationError("--suite \(wrong.rawValue) is not a \(mailProtocol.rawValue) suite; the target is \(mailProtocol.rawValue)")
        }
        if seedVia != nil {
            guard mailProtocol == .pop3 else { throw usageFailure("--seed-via seeds the POP3 suite; the target is \(mailProtocol.rawValue), whose cases APPEND their own messages") }
            _ = try seedTarget()
        }
    }

    /// `--seed-via` as a target: IMAP only, upgraded with STARTTLS when the check is (an
    /// imaps:// URL is TLS already).
    private func seedTarget() throws -> Target? {
        guard let seedVia else { return nil }
        let resolved: Target
        do {
            resolved = try Target(url: seedVia, startTLS: target.starttls && !seedVia.lowercased().hasPrefix("imaps:"))
        } catch {
            throw usageFailure("--seed-via: \(error.description)")
        }
        guard resolved.mailProtocol == .imap else {
            throw usageFailure("--seed-via \(seedVia): use imap://host:port or imaps://host:port, the IMAP server of the same account")
        }
        return resolved
    }

    func run() async throws {
        let resolved = try target.resolvedTarget()
        let chosen = suite.isEmpty ? SuiteName.defaults(for: resolved.mailProtocol) : suite
        let accepted = try baseline.map(Self.loadBaseline)
        let seedPlan = try seedTarget().map { SeedPlan(via: $0, fixtureFolder: suites + "/fixtures") }
        let check = ConformanceCheck(target: resolved, options: target.runnerOptions, account: try account.accounts()[0], seedPlan: seedPlan,
                                     maxTime: maxTime.map { .milliseconds(Int64($0 * 1000)) })
        if target.insecure {
            FileHandle.standardError.write(Data("mailgauge: warning: --insecure: the server's certificate is NOT verified\n".utf8))
        }
        let result = try await ConformanceBatch.run(check, suites: chosen, catalog: SuiteCatalog(root: suites),
                                                    baseline: accepted, baselineFile: baseline)
        if let writeBaseline {
            let failed = result.conformance.map { $0.newFailures + $0.acceptedFailures.map(\.id) } ?? []
            do {
                try Baseline(accepting: failed).text.write(toFile: writeBaseline, atomically: true, encoding: .utf8)
            } catch {
                throw usageFailure("\(writeBaseline): cannot write the baseline: \(error.localizedDescription)")
            }
            print("baseline with \(failed.count) entries written to \(writeBaseline): replace each placeholder reason with the RFC-backed reason the deviation is accepted")
        }
        try ConformanceBatch.finish(result, reports: reports)
    }

    private static func loadBaseline(_ path: String) throws -> Baseline {
        do {
            return try Baseline(parsing: try String(contentsOfFile: path, encoding: .utf8), file: path)
        } catch let error as BaselineError {
            throw usageFailure(error.description)
        } catch {
            throw usageFailure("\(path): cannot read the baseline")
        }
    }
}

extension SuiteName: ExpressibleByArgument {}
