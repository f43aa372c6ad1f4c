import MailGaugeClient
import NIOConcurrencyHelpers

/// The connections a scenario has open, so a scenario timeout can close them from outside
/// and unblock whatever read the scenario is waiting in; each is shown to the replay's
/// observer, if any, as it opens.
final class OpenConnections: Sendable {
    private let state = NIOLockedValueBox<(connections: [Connection], timedOut: Bool)>(([], false))
    let observer: (any ReplayObserver)?

    init(observer: (any ReplayObserver)? = nil) {
        self.observer = observer
    }

    func add(_ connection: Connection) {
        state.withLockedValue { $0.connections.append(connection) }
        observer?.opened(connection)
    }

    var timedOut: Bool { state.withLockedValue { $0.timedOut } }

    func closeAll(timedOut: Bool = false) async {
        let connections = state.withLockedValue { state in
            if timedOut { state.timedOut = true }
            defer { state.connections = [] }
            return state.connections
        }
        for connection in connections { await connection.close() }
    }
}
