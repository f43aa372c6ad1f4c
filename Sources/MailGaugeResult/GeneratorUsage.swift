/// What the load generator itself cost (getrusage RUSAGE_SELF), so a reader can tell whether
/// the server or MailGauge was the bottleneck.
public struct GeneratorUsage: Sendable, Codable, Equatable {
    /// User plus system CPU over the whole run, warm-up included.
    public var cpuSeconds: Double
    /// CPU seconds per 1000 sessions ended (warm-up included, as the CPU is).
    public var cpuSecondsPer1000Sessions: Double
    /// Peak resident set size (ru_maxrss).
    public var peakRSSBytes: Int
    /// The most sessions that were in flight at once.
    public var peakActiveSessions: Int

    public init(cpuSeconds: Double, cpuSecondsPer1000Sessions: Double, peakRSSBytes: Int, peakActiveSessions: Int) {
        self.cpuSeconds = cpuSeconds
        self.cpuSecondsPer1000Sessions = cpuSecondsPer1000Sessions
        self.peakRSSBytes = peakRSSBytes
        self.peakActiveSessions = peakActiveSessions
    }
}
