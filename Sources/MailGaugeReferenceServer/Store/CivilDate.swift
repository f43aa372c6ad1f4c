/// Calendar arithmetic for IMAP dates without Foundation's locale machinery: the proleptic
/// Gregorian calendar in UTC (days-from-civil, as in H. Hinnant's date algorithms).
struct CivilDate: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Days since 1970-01-01.
    var daysSince1970: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(daysSince1970 days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
    }

    /// `d-Mon-yyyy` (RFC 9051 §9 `date`), as SEARCH BEFORE/ON/SINCE take it; nil if malformed.
    init?(imapDate text: Substring) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), (1...31).contains(day),
              let month = Self.monthNames.firstIndex(where: { $0.lowercased() == parts[1].lowercased() }) else { return nil }
        self.init(year: year, month: month + 1, day: day)
    }

    /// Seconds since 1970 of an IMAP `date-time` (`"dd-Mon-yyyy hh:mm:ss +zzzz"`, RFC 9051 §9),
    /// as APPEND takes it; nil if malformed.
    static func seconds(imapDateTime text: String) -> Int64? {
        let parts = text.trimmingBlanks.split(separator: " ")
        guard parts.count == 3, let date = CivilDate(imapDate: parts[0]) else { return nil }
        let time = parts[1].split(separator: ":").compactMap { Int64($0) }
        let zone = parts[2]
        guard time.count == 3, zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
              let zoneValue = Int64(zone.dropFirst()) else { return nil }
        let offset = (zoneValue / 100 * 3600 + zoneValue % 100 * 60) * (sign == "-" ? -1 : 1)
        return date.daysSince1970 * 86_400 + time[0] * 3600 + time[1] * 60 + time[2] - offset
    }

    /// `"dd-Mon-yyyy hh:mm:ss +0000"` (RFC 9051 §9 `date-time`), in UTC.
    static func imapDateTime(seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let date = CivilDate(daysSince1970: days)
        let second = seconds - days * 86_400
        func two(_ value: Int64) -> String { String(value).leftPadded(to: 2) }
        return "\(String(date.day).leftPadded(to: 2))-\(monthNames[date.month - 1])-\(date.year) "
            + "\(two(second / 3600)):\(two(second % 3600 / 60)):\(two(second % 60)) +0000"
    }
}
