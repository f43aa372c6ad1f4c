import NIOConcurrencyHelpers
import NIOSSL

/// What every session of one running server shares: the mail, the configuration, the TLS
/// identity, and counters that must be unique across sessions.
final class ServerContext: Sendable {
    let configuration: ReferenceServer.Configuration
    let store: MailStore
    let tlsContext: NIOSSLContext
    private let counter = NIOLockedValueBox<Int>(0)

    init(configuration: ReferenceServer.Configuration, tlsContext: NIOSSLContext) {
        self.configuration = configuration
        self.store = MailStore(configuration: configuration)
        self.tlsContext = tlsContext
    }

    var faults: Set<Fault> { configuration.faults }

    /// A number no other caller of this server gets: APOP timestamps (RFC 1939 §7 wants them
    /// unique per greeting), observer ids, and the `uidValidityChanges` fault.
    func nextSerial() -> Int {
        counter.withLockedValue { value in
            value += 1
            return value
        }
    }
}
