import MailGaugeResult

/// Merges latency distributions exactly, as results from several generator processes are
/// merged: rebuilds each histogram from its buckets and adds the counts.
public enum DistributionMerge {
    public struct IncompatibleConfiguration: Error, CustomStringConvertible {
        public var description: String { "the distributions were recorded with different histogram configurations" }
    }

    public static func merge(_ distributions: [LatencyDistribution]) throws(IncompatibleConfiguration) -> LatencyDistribution {
        var merged = LatencyHistogram()
        for distribution in distributions {
            guard let histogram = LatencyHistogram(distribution) else { throw IncompatibleConfiguration() }
            merged.add(histogram)
        }
        return merged.distribution
    }
}
