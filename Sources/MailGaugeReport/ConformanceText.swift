import MailGaugeResult

/// The terminal rendering of `mailgauge check`: one line per passed or skipped case, the
/// full step report with a transcript excerpt per failure, and how the failures compare
/// with the baseline.
public enum ConformanceText {
    public static func line(_ result: ScenarioResult, id: String, transcriptTail: Int) -> String {
        switch result.status {
        case .passed: return "PASS \(id) — \(result.title)\n"
        case .skipped: return "SKIP \(id) — \(result.reason ?? "skipped")\n"
        case .warned: return "WARN \(id) — \(result.reason ?? "a SHOULD not followed")\n"
        case .failed, .error:
            let citation = result.references.isEmpty ? "" : "  rfc: \(result.references.joined(separator: "; "))\n"
            return TextReport.render(result, transcriptTail: transcriptTail).replacing(result.file, with: id, maxReplacements: 1) + citation
        }
    }

    public static func summary(_ summary: ConformanceSummary) -> String {
        var out = "suites: \(summary.suites.joined(separator: ", "))\n"
        for accepted in summary.acceptedFailures {
            out += "accepted by baseline: \(accepted.id) — \(accepted.reason)\n"
        }
        for id in summary.newFailures {
            out += "NEW FAILURE: \(id)\(summary.baseline == nil ? "" : " (not in the baseline)")\n"
        }
        for id in summary.staleEntries {
            out += "STALE BASELINE ENTRY: \(id) passes now; remove it from \(summary.baseline ?? "the baseline")\n"
        }
        for defect in summary.defects ?? [] {
            out += "1 defect behind \(defect.cases.count) cases: \(defect.rule) (\(defect.reference)): \(defect.message): \"\(defect.example)\"\n"
            out += "  \(defect.cases.joined(separator: ", "))\n"
        }
        return out
    }
}
