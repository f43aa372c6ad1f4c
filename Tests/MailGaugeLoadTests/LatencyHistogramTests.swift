import Foundation
@testable import MailGaugeLoad
import MailGaugeResult
import Testing

/// The encoding of latency histograms is lossless and merging is exact, so results of
/// several generator processes can be combined later without error.
struct LatencyHistogramTests {
    /// Deterministic samples from 1 µs to about 40 s, skewed towards small values.
    private static func samples(seed: UInt64, count: Int) -> [Duration] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let exponent = Double(state >> 40 % 1000) / 1000
            return .microseconds(Int64(pow(40_000_000, exponent * exponent)))
        }
    }

    private static func histogram(_ samples: [Duration]) -> LatencyHistogram {
        var histogram = LatencyHistogram()
        samples.forEach { histogram.record($0) }
        return histogram
    }

    @Test func twoMergedHistogramsEqualOneBuiltFromAllSamples() throws {
        let first = Self.samples(seed: 1, count: 5000)
        let second = Self.samples(seed: 2, count: 7000)
        let whole = Self.histogram(first + second).distribution
        let merged = try DistributionMerge.merge([Self.histogram(first).distribution, Self.histogram(second).distribution])
        #expect(merged == whole)
        #expect(merged.count == 12_000)
    }

    @Test func encodingRebuildsTheSameHistogram() throws {
        let original = Self.histogram(Self.samples(seed: 3, count: 3000))
        let rebuilt = try #require(LatencyHistogram(original.distribution))
        #expect(rebuilt == original)
        #expect(rebuilt.distribution.buckets.reduce(0) { $0 + $1[1] } == 3000)
    }

    @Test func percentilesAreWithinThreeSignificantDigits() {
        let histogram = Self.histogram((1...1000).map { .milliseconds($0) })
        let p = histogram.distribution.percentiles
        #expect(abs(Double(p.p50) - 500_000) <= 500)
        #expect(abs(Double(p.p99) - 990_000) <= 990)
        #expect(abs(Double(p.max) - 1_000_000) <= 1000)
    }

    @Test func anotherConfigurationIsRefused() {
        var foreign = LatencyHistogram().distribution
        foreign.significantDigits = 2
        #expect(throws: DistributionMerge.IncompatibleConfiguration.self) { try DistributionMerge.merge([foreign]) }
    }
}
