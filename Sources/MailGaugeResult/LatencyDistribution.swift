import Foundation

/// A latency histogram in a lossless, mergeable form: the HdrHistogram's configuration and
/// its non-empty buckets as `[value, count]` pairs (each value lies in its bucket, so
/// recording the pairs into a histogram of the same configuration rebuilds it exactly).
/// All values are microseconds.
public struct LatencyDistribution: Sendable, Codable, Equatable {
    public var lowestDiscernibleValue: UInt64
    public var highestTrackableValue: UInt64
    public var significantDigits: Int
    public var count: UInt64
    public var percentiles: Percentiles
    public var mean: Double
    public var buckets: [[UInt64]]

    /// p50 … max, microseconds.
    public struct Percentiles: Sendable, Codable, Equatable {
        public var p50: UInt64
        public var p90: UInt64
        public var p99: UInt64
        public var p999: UInt64
        public var max: UInt64

        public init(p50: UInt64, p90: UInt64, p99: UInt64, p999: UInt64, max: UInt64) {
            self.p50 = p50
            self.p90 = p90
            self.p99 = p99
            self.p999 = p999
            self.max = max
        }
    }

    public init(lowestDiscernibleValue: UInt64, highestTrackableValue: UInt64, significantDigits: Int, count: UInt64,
                percentiles: Percentiles, mean: Double, buckets: [[UInt64]]) {
        self.lowestDiscernibleValue = lowestDiscernibleValue
        self.highestTrackableValue = highestTrackableValue
        self.significantDigits = significantDigits
        self.count = count
        self.percentiles = percentiles
        self.mean = mean
        self.buckets = buckets
    }

    /// Microseconds as milliseconds for people: `0.42ms`, `12.3ms`, `1520ms`.
    public static func milliseconds(_ micros: UInt64) -> String {
        let ms = Double(micros) / 1000
        return ms < 1 ? String(format: "%.2fms", ms) : ms < 100 ? String(format: "%.1fms", ms) : String(format: "%.0fms", ms)
    }
}
