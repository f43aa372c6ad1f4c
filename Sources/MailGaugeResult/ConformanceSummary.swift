/// What `mailgauge check` adds to a run's result: which suites ran and how the failures
/// compare with the known-deviation baseline, so a report can tell a new failure from an
/// accepted one and name the baseline entries that no longer fail.
public struct ConformanceSummary: Sendable, Codable, Equatable {
    /// `pop3`, `imap4rev1`, `imap4rev2`.
    public var suites: [String]
    /// The baseline file compared against, if any.
    public var baseline: String?
    /// Case ids that failed and are not in the baseline: these fail the run.
    public var newFailures: [String]
    /// Case ids that failed and are in the baseline, with the baseline's reason.
    public var acceptedFailures: [AcceptedFailure]
    /// Baseline entries whose case ran and passed: these fail the run too, so the
    /// baseline never outlives the deviation it records.
    public var staleEntries: [String]
    /// Grammar defects behind more than one failed case; nil in results written before.
    public var defects: [Defect]?

    public init(suites: [String], baseline: String?, newFailures: [String], acceptedFailures: [AcceptedFailure], staleEntries: [String]) {
        self.suites = suites
        self.baseline = baseline
        self.newFailures = newFailures
        self.acceptedFailures = acceptedFailures
        self.staleEntries = staleEntries
    }

    /// Whether the run passes: nothing new failed and every baseline entry still fails.
    public var passed: Bool { newFailures.isEmpty && staleEntries.isEmpty }

    /// A failure the baseline accepts, and why.
    public struct AcceptedFailure: Sendable, Codable, Equatable {
        public var id: String
        public var reason: String

        public init(id: String, reason: String) {
            self.id = id
            self.reason = reason
        }
    }
}
