import MailGaugeResult

/// Per-second counts over the measured period, indexed from its start.
struct ThroughputSeries: Sendable {
    private(set) var samples: [ThroughputSample] = []

    mutating func add(_ measurement: SessionMeasurement, second: Int) {
        while samples.count <= second { samples.append(ThroughputSample(second: samples.count)) }
        samples[second].sessions += 1
        samples[second].commands += measurement.commands.count
        samples[second].errors += measurement.error == nil ? 0 : 1
        samples[second].bytesIn += measurement.bytesIn
        samples[second].bytesOut += measurement.bytesOut
    }
}
