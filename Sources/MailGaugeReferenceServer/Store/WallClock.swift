import Foundation

/// The current time, for APOP timestamps and the INTERNALDATE of appended messages.
enum WallClock {
    static func secondsSince1970() -> Int64 {
        Int64(Date().timeIntervalSince1970)
    }
}
