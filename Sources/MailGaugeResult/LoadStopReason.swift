/// What ended a `bench` run; the raw values are the stable words of `LoadResult.stoppedBy`.
public enum LoadStopReason: String, CaseIterable, Sendable, Codable {
    /// `--duration` ran out.
    case duration
    /// `--iterations` sessions were started.
    case iterations
    /// SIGINT: sessions still running were interrupted and count in no figure.
    case interrupt
    /// `--hard-cap` ran out while sessions were still running.
    case hardCap = "hard-cap"
}
