import MailGaugeLoad
import Testing

struct FileDescriptorLimitTests {
    /// Below the soft limit nothing changes; past the hard limit, which no unprivileged
    /// process can lift, the warning names the setting to change.
    @Test func theOpenFileLimitIsRaisedOrTheWarningSaysWhatToChange() {
        #expect(FileDescriptorLimit.raise(toFit: 64) == nil)
        let warning = FileDescriptorLimit.raise(toFit: Int(Int32.max))
        #expect(warning?.contains("ulimit -n \(Int32.max)") == true, "\(warning ?? "nil")")
    }
}
