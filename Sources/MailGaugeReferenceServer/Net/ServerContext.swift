import NIOConcurrencyHelpers
import NIOCore
import NIOSSL

/// What every session of one running server shares: the mail, the configuration, the TLS
/// identity, and counters that must be unique across sessions.
final class ServerContext: Sendable {
    let configuration: ReferenceServer.Configuration
    let store: MailStore
    let tlsContext: NIOSSLContext
    private let counter = NIOLockedValueBox<Int>(0)
    /// What clients sent in clear, when the configuration records it.
    let clearText = NIOLockedValueBox<[UInt8]>([])

    init(configuration: ReferenceServer.Configuration, tlsContext: NIOSSLContext) {
        self.configuration = configuration
        self.store = MailStore(configuration: configuration)
        self.tlsContext = tlsContext
    }

    var faults: Set<Fault> { configuration.faults }

    /// Keeps `bytes`, received on a connection that is not (yet) encrypted.
    func receivedInClear(_ bytes: ByteBufferView) {
        guard configuration.recordsClearText else { return }
        clearText.withLockedValue { $0 += bytes }
    }

    /// A number no other caller of this server gets: APOP timestamps (RFC 1939 §7 wants them
    /// unique per greeting), observer ids, and the `uidValidityChanges` fault.
    func nextSerial() -> Int {
        counter.withLockedValue { value in
            value += 1
            return value
        }
    }
}
