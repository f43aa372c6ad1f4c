/// Bounds on waiting, so a silent or slow server can never hang a run.
public struct Timeouts: Sendable {
    public var connect: Duration
    /// The longest wait for the next bytes of a reply the client is waiting for.
    public var read: Duration

    public init(connect: Duration = .seconds(10), read: Duration = .seconds(30)) {
        self.connect = connect
        self.read = read
    }
}
