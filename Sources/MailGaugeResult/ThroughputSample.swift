/// What happened in one second of a load run's measured period.
public struct ThroughputSample: Sendable, Codable, Equatable {
    /// Seconds since measurement began.
    public var second: Int
    public var sessions: Int
    public var commands: Int
    public var errors: Int
    public var bytesIn: Int
    public var bytesOut: Int

    public init(second: Int, sessions: Int = 0, commands: Int = 0, errors: Int = 0, bytesIn: Int = 0, bytesOut: Int = 0) {
        self.second = second
        self.sessions = sessions
        self.commands = commands
        self.errors = errors
        self.bytesIn = bytesIn
        self.bytesOut = bytesOut
    }
}
