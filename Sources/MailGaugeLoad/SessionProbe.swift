import MailGaugeClient
import MailGaugeRunner
import NIOConcurrencyHelpers

/// The observer one load session hands the runner: keeps the connections it opened (for
/// their meters) and the transport failure that ended it, if any.
final class SessionProbe: ReplayObserver {
    private let state = NIOLockedValueBox<(connections: [Connection], failure: ConnectionError?)>(([], nil))

    func opened(_ connection: Connection) {
        state.withLockedValue { $0.connections.append(connection) }
    }

    func failed(_ error: ConnectionError) {
        state.withLockedValue { if $0.failure == nil { $0.failure = error } }
    }

    var meters: [ConnectionMeter] { state.withLockedValue { $0.connections.map(\.meter) } }
    var failure: ConnectionError? { state.withLockedValue { $0.failure } }
}
