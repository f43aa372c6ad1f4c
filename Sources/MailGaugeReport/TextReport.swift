import MailGaugeResult
import MailGaugeWire

/// The terminal rendering of results: a line per step, and for a failure the expected and the
/// actual lines, the differing ones marked, with the transcript up to that point.
public enum TextReport {
    /// `transcriptTail` keeps only the last lines of a failure's transcript: the excerpt `check`
    /// prints, where dozens of cases may fail at once.
    public static func render(_ scenario: ScenarioResult, transcriptTail: Int? = nil) -> String {
        var out = "\(scenario.status.rawValue.uppercased()) \(scenario.file) — \(scenario.title) [\(scenario.account)]\n"
        for step in scenario.steps {
            let mark = switch step.status {
            case .passed: "ok  "
            case .failed: "FAIL"
            case .unmet: "SKIP"
            case .warned: "WARN"
            }
            let what = step.command ?? "(greeting)"
            let milliseconds = (step.latencySeconds * 1000 * 10).rounded() / 10
            out += "  \(mark) \(step.location) \(step.connection): \(what)  [\(milliseconds) ms]\n"
            for finding in step.findings {
                out += "       \(finding.severity.rawValue): \(finding.summary)\n"
            }
            if let mismatch = step.mismatch {
                out += diff(step, mismatch)
            }
        }
        if let reason = scenario.reason, scenario.status != .passed {
            let label = switch scenario.status {
            case .skipped: "skipped"
            case .warned: "warning"
            default: "reason"
            }
            out += "  \(label): \(reason)\n"
        }
        if scenario.status == .failed || scenario.status == .error, !scenario.transcript.isEmpty {
            let shown = scenario.transcript.suffix(transcriptTail ?? scenario.transcript.count)
            out += shown.count < scenario.transcript.count ? "  transcript (last \(shown.count) lines):\n" : "  transcript so far:\n"
            for line in shown {
                out += "    \(line.connection) \(line.direction.rawValue): \(line.text)\n"
            }
        }
        return out
    }

    /// The expected lines, then the actual ones, each list with its differing line marked: not
    /// paired row by row, since untagged responses match in any order and a row's partner would
    /// be a guess.
    private static func diff(_ step: StepResult, _ mismatch: Mismatch) -> String {
        var out = "       \(mismatch.message)\n"
        for (label, lines, marked) in [("expected:", step.expected, mismatch.expectedLine), ("actual:  ", step.actual, mismatch.actualLine)] {
            if lines.isEmpty { out += "       \(label) (nothing)\n" }
            for (row, line) in lines.enumerated() {
                out += "     \(row == marked ? ">" : " ") \(label) \(line)\n"
            }
        }
        return out
    }

    /// `N passed, N failed, N skipped, N errors`, and `N warned` when a case did not follow a SHOULD.
    public static func summary(_ result: RunResult) -> String {
        let warned = result.count(.warned)
        return "\(result.count(.passed)) passed, \(result.count(.failed)) failed, \(result.count(.skipped)) skipped, \(result.count(.error)) errors"
            + (warned > 0 ? ", \(warned) warned" : "")
    }
}
