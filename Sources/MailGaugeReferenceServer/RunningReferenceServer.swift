import NIOCore
import NIOPosix

/// A started reference server: where it listens, how to trust it, how to stop it.
public final class RunningReferenceServer: Sendable {
    public let ports: ReferenceServer.Ports
    private let group: MultiThreadedEventLoopGroup
    private let channels: [Channel]
    private let context: ServerContext

    init(group: MultiThreadedEventLoopGroup, channels: [Channel], ports: ReferenceServer.Ports, context: ServerContext) {
        self.group = group
        self.channels = channels
        self.ports = ports
        self.context = context
    }

    /// Every byte clients sent on connections not (yet) under TLS, in arrival order across
    /// connections; empty unless `Configuration.recordsClearText`.
    public var clearTextReceived: [UInt8] { context.clearText.withLockedValue { $0 } }

    /// The PEM of the test CA that issued the server certificate (see `TestCertificateAuthority`).
    public var certificateAuthorityPEM: String { TestCertificateAuthority.certificateAuthorityPEM }

    /// Closes the listeners and every open session, then ends the event-loop threads.
    public func stop() async throws {
        for channel in channels { try? await channel.close() }
        try await group.shutdownGracefully()
    }
}
