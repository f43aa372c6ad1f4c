import Histogram
import MailGaugeResult

/// An HdrHistogram of latencies in microseconds, 1 µs to one hour at three significant
/// digits: constant memory however many samples, and exact to merge (counts just add).
struct LatencyHistogram: Sendable, Equatable {
    static let highestTrackable: UInt64 = 3_600_000_000
    private(set) var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: highestTrackable,
                                                   numberOfSignificantValueDigits: .three)

    init() {}

    /// Rebuilds a histogram from its encoding; nil when the configuration is not this one.
    init?(_ distribution: LatencyDistribution) {
        guard distribution.lowestDiscernibleValue == 1, distribution.highestTrackableValue == Self.highestTrackable,
              distribution.significantDigits == 3 else { return nil }
        for pair in distribution.buckets where pair.count == 2 {
            _ = histogram.record(pair[0], count: pair[1])
        }
    }

    var count: UInt64 { histogram.totalCount }

    mutating func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let micros = max(1, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        // The bucket's top value rather than the exact one, so a histogram rebuilt from its
        // buckets has the same maximum and percentiles as the original.
        _ = histogram.record(histogram.highestEquivalentForValue(min(UInt64(micros), Self.highestTrackable)))
    }

    mutating func add(_ other: LatencyHistogram) {
        histogram.add(other.histogram)
    }

    func percentile(_ percent: Double) -> UInt64 {
        histogram.valueAtPercentile(percent)
    }

    /// The lossless form: every non-empty bucket as `[value in the bucket, count]`.
    var distribution: LatencyDistribution {
        let buckets = histogram.recordedValues().map { [$0.value, $0.count] }
        let percentiles = LatencyDistribution.Percentiles(
            p50: percentile(50), p90: percentile(90), p99: percentile(99), p999: percentile(99.9), max: histogram.max)
        return LatencyDistribution(lowestDiscernibleValue: 1, highestTrackableValue: Self.highestTrackable, significantDigits: 3,
                                   count: count, percentiles: percentiles, mean: count == 0 ? 0 : histogram.mean, buckets: buckets)
    }
}
