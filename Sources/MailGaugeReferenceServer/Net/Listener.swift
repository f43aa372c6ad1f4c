import NIOCore
import NIOPosix
import NIOSSL

/// The four listening sockets of a server, in the order of `ReferenceServer.Ports`.
enum Listener: CaseIterable {
    case pop3, pop3s, imap, imaps

    var implicitTLS: Bool { self == .pop3s || self == .imaps }

    /// Binds port 0 (a free port) and serves every accepted connection on the group's event loops.
    func bind(server: ServerContext, group: EventLoopGroup) async throws -> Channel {
        let implicitTLS = self.implicitTLS
        let isPOP3 = self == .pop3 || self == .pop3s
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: server.tlsContext))
                    }
                    let handler = SessionChannelHandler(server: server, implicitTLS: implicitTLS) { transport in
                        isPOP3 ? POP3Session(server: server, transport: transport) as ProtocolSession
                               : IMAPSession(server: server, transport: transport)
                    }
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .bind(host: server.configuration.host, port: 0)
            .get()
    }
}
