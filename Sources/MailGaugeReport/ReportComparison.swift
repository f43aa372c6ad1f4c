import MailGaugeResult

/// What changed between two results of the same suite: cases that changed status, and
/// which of those are regressions a CI job should fail on.
public struct ReportComparison: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        /// The scenario file, which identifies a case across runs.
        public var file: String
        public var title: String
        /// nil when the case is new (before) or gone (after).
        public var before: ScenarioResult.Status?
        public var after: ScenarioResult.Status?

        /// Worse than before: a case that passed (or is new) and now fails or errors.
        public var isRegression: Bool {
            guard let after, after == .failed || after == .error else { return false }
            return before != .failed && before != .error
        }
    }

    public var changes: [Change]

    public var regressions: [Change] { changes.filter(\.isRegression) }

    public init(base: RunResult, new: RunResult) {
        let before = Dictionary(base.scenarios.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.scenarios.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let files = (base.scenarios.map(\.file) + new.scenarios.map(\.file)).reduce(into: [String]()) { files, file in
            if !files.contains(file) { files.append(file) }
        }
        changes = files.compactMap { file in
            let (old, current) = (before[file], after[file])
            guard old?.status != current?.status else { return nil }
            return Change(file: file, title: current?.title ?? old?.title ?? file, before: old?.status, after: current?.status)
        }
    }

    /// A plain-text table, regressions first.
    public func render() -> String {
        guard !changes.isEmpty else { return "No case changed status.\n" }
        let ordered = regressions + changes.filter { !$0.isRegression }
        var out = "change      before   after    case\n"
        for change in ordered {
            let mark = change.isRegression ? "REGRESSION" : (change.after == nil ? "removed" : change.before == nil ? "added" : "changed")
            out += mark.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += (change.before?.rawValue ?? "-").padding(toLength: 9, withPad: " ", startingAt: 0)
            out += (change.after?.rawValue ?? "-").padding(toLength: 9, withPad: " ", startingAt: 0)
            out += "\(change.file) — \(change.title)\n"
        }
        out += "\(regressions.count) regressions, \(changes.count - regressions.count) other changes\n"
        return out
    }
}

import Foundation
