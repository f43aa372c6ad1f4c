import MailGaugeResult
import MailGaugeRunner
import MailGaugeScenario

/// Everything a load run needs, validated by whoever builds it (the CLI or a test).
public struct LoadPlan: Sendable {
    public enum Model: Sendable {
        /// `sessions` workers, each starting a new session when its last one ends, after `thinkTime`.
        case closed(sessions: Int, thinkTime: Duration)
        /// Sessions start `ratePerSecond` times a second whatever the server's pace; at most
        /// `maxInFlight` run at once, and one that waits for room is late, which its latency shows.
        case open(ratePerSecond: Double, maxInFlight: Int)
    }

    public var scenario: Scenario
    public var accounts: [Account]
    public var runner: ScenarioRunner
    public var model: Model
    /// Closed: workers start evenly spread over it. Open: the rate climbs linearly to full over it.
    public var ramp: Duration
    /// Sessions ending before it are in no figure.
    public var warmup: Duration
    /// The measured period after the warm-up; no session starts after it.
    public var duration: Duration?
    /// The most sessions started in all, warm-up included.
    public var iterations: Int?
    /// In-flight sessions are cut off at this time, whatever else is asked.
    public var hardCap: Duration
    public var check: CheckMode

    public init(scenario: Scenario, accounts: [Account], runner: ScenarioRunner, model: Model, ramp: Duration = .zero,
                warmup: Duration = .zero, duration: Duration?, iterations: Int?, hardCap: Duration, check: CheckMode = .full) {
        precondition(!accounts.isEmpty && (duration != nil || iterations != nil), "a load plan needs accounts and a bound")
        self.scenario = scenario
        self.accounts = accounts
        self.runner = runner
        self.model = model
        self.ramp = ramp
        self.warmup = warmup
        self.duration = duration
        self.iterations = iterations
        self.hardCap = hardCap
        self.check = check
    }

    var resultModel: LoadModel {
        let (kind, concurrency, rate, think): (LoadModel.Kind, Int, Double?, Duration) = switch model {
        case .closed(let sessions, let thinkTime): (.closed, sessions, nil, thinkTime)
        case .open(let ratePerSecond, let maxInFlight): (.open, maxInFlight, ratePerSecond, .zero)
        }
        return LoadModel(kind: kind, concurrency: concurrency, ratePerSecond: rate, thinkTimeSeconds: think.seconds,
                         rampSeconds: ramp.seconds, warmupSeconds: warmup.seconds, durationSeconds: duration?.seconds,
                         iterations: iterations, hardCapSeconds: hardCap.seconds, accounts: accounts.count)
    }
}
