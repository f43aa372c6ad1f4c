#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The generator's own CPU time and peak memory (getrusage RUSAGE_SELF), reported beside the
/// server's so a reader can see which side saturated.
struct ResourceUsage: Sendable {
    var cpuSeconds: Double
    var peakRSSBytes: Int

    static func current() -> ResourceUsage {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        #if canImport(Darwin)
        let rss = Int(usage.ru_maxrss)          // bytes on Darwin
        #else
        let rss = Int(usage.ru_maxrss) * 1024   // kilobytes on Linux
        #endif
        return ResourceUsage(cpuSeconds: cpu, peakRSSBytes: rss)
    }
}
