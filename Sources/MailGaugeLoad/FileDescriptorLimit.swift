#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open files, which a load run of many connections meets first: raised
/// towards what the run needs, as far as the hard limit allows, which only root can lift.
public enum FileDescriptorLimit {
    #if canImport(Glibc)
    private static let openFiles = Int32(RLIMIT_NOFILE.rawValue)
    #else
    private static let openFiles = RLIMIT_NOFILE
    #endif

    /// Raises the soft limit to `needed` descriptors, or to the hard limit when that is lower;
    /// then a warning saying what to change, else nil.
    public static func raise(toFit needed: Int) -> String? {
        var limit = rlimit()
        guard getrlimit(openFiles, &limit) == 0 else { return nil }
        let wanted = rlim_t(needed)
        guard limit.rlim_cur < wanted else { return nil }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        _ = setrlimit(openFiles, &limit)
        guard limit.rlim_max < wanted else { return nil }
        return "the run needs about \(needed) open files, but the limit is \(limit.rlim_max): raise it with 'ulimit -n \(needed)' "
            + "(as root), LimitNOFILE=\(needed) in a systemd unit, or nofile in /etc/security/limits.conf; connections past it fail as 'other'"
    }
}
