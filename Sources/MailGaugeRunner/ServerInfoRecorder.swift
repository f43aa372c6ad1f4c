import MailGaugeClient
import MailGaugeResult
import NIOConcurrencyHelpers

/// Gathers `ServerInfo` from replays (and the capability probe) as they run, so the report can
/// say what the server told about itself without a connection of its own: the greeting and TLS
/// of the first connection that greeted, the capabilities as the first connection that listed
/// any listed them last. One recorder may watch many replays at once (a load run).
public final class ServerInfoRecorder: ReplayObserver {
    private struct State {
        var greeting: (text: String, connection: Connection)?
        var capabilities: (list: [String], connection: Connection)?
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    public func greeted(_ greeting: @autoclosure () -> String, on connection: Connection) {
        state.withLockedValue { if $0.greeting == nil { $0.greeting = (greeting(), connection) } }
    }

    public func listed(capabilities: @autoclosure () -> [String], on connection: Connection) {
        state.withLockedValue { state in
            if state.capabilities == nil || state.capabilities!.connection === connection {
                state.capabilities = (capabilities(), connection)
            }
        }
    }

    /// nil until some connection was greeted.
    public var serverInfo: ServerInfo? {
        let (greeting, capabilities) = state.withLockedValue { ($0.greeting, $0.capabilities) }
        guard let greeting else { return nil }
        return ServerInfo(greeting: greeting.text, capabilities: capabilities?.list, tls: greeting.connection.tls.map(TLSInfo.init))
    }
}

extension TLSInfo {
    init(_ session: TLSSession) {
        self.init(version: session.version, certificate: session.certificate.map {
            CertificateInfo(subject: $0.subject, issuer: $0.issuer, notAfter: $0.notAfter)
        })
    }
}
