import MailGaugeClient
import MailGaugeRunner
import NIOConcurrencyHelpers

/// The observer one load session hands the runner: keeps the connections it opened (for
/// their meters) and the transport failure that ended it, if any, and passes what the server
/// said about itself on to the run's one `server` recorder.
final class SessionProbe: ReplayObserver {
    private let state = NIOLockedValueBox<(connections: [Connection], failure: ConnectionError?)>(([], nil))
    private let server: ServerInfoRecorder

    init(server: ServerInfoRecorder) {
        self.server = server
    }

    func opened(_ connection: Connection) {
        state.withLockedValue { $0.connections.append(connection) }
    }

    func failed(_ error: ConnectionError) {
        state.withLockedValue { if $0.failure == nil { $0.failure = error } }
    }

    func greeted(_ greeting: @autoclosure () -> String, on connection: Connection) {
        server.greeted(greeting(), on: connection)
    }

    func listed(capabilities: @autoclosure () -> [String], on connection: Connection) {
        server.listed(capabilities: capabilities(), on: connection)
    }

    var meters: [ConnectionMeter] { state.withLockedValue { $0.connections.map(\.meter) } }
    var failure: ConnectionError? { state.withLockedValue { $0.failure } }
}
