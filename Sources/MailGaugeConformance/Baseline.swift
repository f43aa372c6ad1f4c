import Foundation
import MailGaugeResult

/// Known deviations: failures a team has accepted, each with its reason, one per line as
/// `case-id  reason` (`#` comments). A run fails on a failure not listed, and also on a listed
/// case that no longer fails, so the file never outlives the deviations it records (the
/// known-failures practice of Stalwart's and Cyrus's test suites) — except an entry whose
/// reason starts `intermittent:`, a deviation the server shows only now and then.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var reason: String

        public init(id: String, reason: String) {
            self.id = id
            self.reason = reason
        }

        /// A reason starting `intermittent:` accepts a deviation the server shows only now
        /// and then (a race under load): its failure is accepted, and its pass is no stale entry.
        public var isIntermittent: Bool { reason.hasPrefix(Self.intermittentMark) }
        public static let intermittentMark = "intermittent:"
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// What `--write-baseline` puts where a reason belongs; the user must replace it.
    public static let placeholderReason = "TODO: why this deviation is accepted, citing the RFC"

    /// Parses the file; a line without a reason is an error, since an unexplained entry is a
    /// failure nobody can judge.
    public init(parsing text: String, file: String) throws(BaselineError) {
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: \.isWhitespace)
            guard parts.count == 2 else { throw BaselineError(description: "\(file):\(index + 1): expected 'case-id reason'") }
            let id = String(parts[0])
            if entries.contains(where: { $0.id == id }) { throw BaselineError(description: "\(file):\(index + 1): '\(id)' is listed twice") }
            entries.append(Entry(id: id, reason: parts[1].trimmingCharacters(in: .whitespaces)))
        }
        self.entries = entries
    }

    /// A baseline accepting every failure in `failedIDs`, with the placeholder reason.
    public init(accepting failedIDs: [String]) {
        entries = failedIDs.map { Entry(id: $0, reason: Self.placeholderReason) }
    }

    /// The file text: a header saying what the format is, then one line per entry.
    public var text: String {
        var out = "# MailGauge known-deviation baseline: case-id, then why the failure is accepted (cite the RFC).\n"
        out += "# `mailgauge check --baseline FILE` fails on a failure not listed here and on a listed case that passes.\n"
        for entry in entries { out += "\(entry.id)  \(entry.reason)\n" }
        return out
    }

    /// Compares a run's results with the baseline, naming cases as `catalog` does.
    public func compare(_ results: [ScenarioResult], in catalog: SuiteCatalog, suites: [SuiteName], file: String?) -> ConformanceSummary {
        let cases = results.map { (id: catalog.caseID(of: $0.file), status: $0.status) }
        return compare(failed: cases.filter { $0.status == .failed || $0.status == .error }.map(\.id),
                       ran: cases.filter { $0.status != .skipped }.map(\.id), suites: suites.map(\.rawValue), file: file)
    }

    /// Compares a run's outcome with the baseline. `ran` are the ids of every case that ran
    /// (passed, failed or errored, not skipped); `failed` those that failed or errored. An
    /// entry for a case that did not run (skipped, or another suite's) is neither used nor stale.
    public func compare(failed: [String], ran: [String], suites: [String], file: String?) -> ConformanceSummary {
        let listed = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0.reason) })
        return ConformanceSummary(
            suites: suites, baseline: file,
            newFailures: failed.filter { listed[$0] == nil },
            acceptedFailures: failed.compactMap { id in listed[id].map { .init(id: id, reason: $0) } },
            staleEntries: entries.filter { !$0.isIntermittent }.map(\.id).filter { ran.contains($0) && !failed.contains($0) })
    }
}

/// A baseline file that cannot be used, as `file:line: what is wrong`.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
