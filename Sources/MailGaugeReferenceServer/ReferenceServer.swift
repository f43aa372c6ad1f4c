import NIOCore
import NIOPosix

/// An in-memory POP3 (RFC 1939) and IMAP4rev1/rev2 (RFC 3501, RFC 9051) server on loopback:
/// the built-in target of `mailgauge demo` and of the project's tests. Its faults
/// (`Configuration.faults`) each break one RFC rule on purpose, so tests can prove that
/// MailGauge's checks catch them.
///
/// ```swift
/// let server = try await ReferenceServer.start(.init(faults: [.unstuffedDots]))
/// defer { Task { try await server.stop() } }
/// print(server.ports.pop3)
/// ```
public enum ReferenceServer {
    /// Binds POP3, POP3S, IMAP and IMAPS on free ports of `configuration.host` and starts serving.
    public static func start(_ configuration: Configuration = Configuration()) async throws -> RunningReferenceServer {
        let server = ServerContext(configuration: configuration, tlsContext: try ServerTLSContext.make())
        let group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.threads ?? System.coreCount)
        var channels: [Channel] = []
        do {
            for listener in Listener.allCases {
                channels.append(try await listener.bind(server: server, group: group))
            }
        } catch {
            for channel in channels { try? await channel.close() }
            try? await group.shutdownGracefully()
            throw error
        }
        let ports = channels.map { $0.localAddress?.port ?? 0 }
        return RunningReferenceServer(group: group, channels: channels,
                                      ports: Ports(pop3: ports[0], pop3s: ports[1], imap: ports[2], imaps: ports[3]), context: server)
    }
}
