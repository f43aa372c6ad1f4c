/// How a `bench` run made its load: the parameters a reader needs to compare two runs.
public struct LoadModel: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// `--sessions N`: N workers, each starting a session when its last one ends.
        case closed
        /// `--rate R`: sessions start at a fixed arrival rate whatever the server's pace.
        case open
    }

    public var kind: Kind
    /// Closed: the number of workers. Open: the most sessions allowed in flight at once.
    public var concurrency: Int
    /// Open: sessions started per second at full rate.
    public var ratePerSecond: Double?
    public var thinkTimeSeconds: Double
    public var rampSeconds: Double
    public var warmupSeconds: Double
    public var durationSeconds: Double?
    public var iterations: Int?
    /// The run stops by this time whatever else is asked.
    public var hardCapSeconds: Double
    /// How many accounts the sessions cycle through.
    public var accounts: Int

    public init(kind: Kind, concurrency: Int, ratePerSecond: Double?, thinkTimeSeconds: Double, rampSeconds: Double,
                warmupSeconds: Double, durationSeconds: Double?, iterations: Int?, hardCapSeconds: Double, accounts: Int) {
        self.kind = kind
        self.concurrency = concurrency
        self.ratePerSecond = ratePerSecond
        self.thinkTimeSeconds = thinkTimeSeconds
        self.rampSeconds = rampSeconds
        self.warmupSeconds = warmupSeconds
        self.durationSeconds = durationSeconds
        self.iterations = iterations
        self.hardCapSeconds = hardCapSeconds
        self.accounts = accounts
    }
}
