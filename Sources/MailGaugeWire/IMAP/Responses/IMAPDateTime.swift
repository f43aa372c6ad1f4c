/// `date-time` of INTERNALDATE (RFC 9051 §9), e.g. `"17-Jul-1996 02:44:25 -0700"`.
public struct IMAPDateTime: Sendable, Hashable {
    public var day: Int
    /// 1 = January.
    public var month: Int
    public var year: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Offset from UTC in minutes.
    public var zoneMinutes: Int

    public init(day: Int, month: Int, year: Int, hour: Int, minute: Int, second: Int, zoneMinutes: Int) {
        self.day = day
        self.month = month
        self.year = year
        self.hour = hour
        self.minute = minute
        self.second = second
        self.zoneMinutes = zoneMinutes
    }
}
