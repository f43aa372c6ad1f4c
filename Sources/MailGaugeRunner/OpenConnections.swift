import MailGaugeClient
import NIOConcurrencyHelpers

/// The connections a scenario has open, so a scenario timeout or a caller giving up can
/// close them from outside and unblock whatever read the scenario is waiting in; each is
/// shown to the replay's observer, if any, as it opens.
final class OpenConnections: Sendable {
    private struct State {
        var connections: [Connection] = []
        /// Abandoned: connections opened from now on are closed at once.
        var abandoned = false
        var timedOut = false
    }

    private let state = NIOLockedValueBox(State())
    let observer: (any ReplayObserver)?

    init(observer: (any ReplayObserver)? = nil) {
        self.observer = observer
    }

    func add(_ connection: Connection) {
        let abandoned = state.withLockedValue { state in
            if !state.abandoned { state.connections.append(connection) }
            return state.abandoned
        }
        if abandoned { connection.closeWithoutWaiting() }
        observer?.opened(connection)
    }

    var timedOut: Bool { state.withLockedValue { $0.timedOut } }
    /// Whether the scenario timed out or its caller gave up: nothing more is to be sent.
    var isAbandoned: Bool { state.withLockedValue { $0.abandoned } }

    /// Closes every connection, now and as they open: the scenario ran out of time
    /// (`timedOut`) or its caller gave up.
    func abandon(timedOut: Bool) {
        let connections = state.withLockedValue { state in
            state.abandoned = true
            state.timedOut = state.timedOut || timedOut
            defer { state.connections = [] }
            return state.connections
        }
        connections.forEach { $0.closeWithoutWaiting() }
    }

    /// Closes the connections at the end of a replay, waiting until they are closed.
    func closeAll() async {
        let connections = state.withLockedValue { state in
            defer { state.connections = [] }
            return state.connections
        }
        for connection in connections { await connection.close() }
    }
}
