import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A loopback server that plays canned bytes: a greeting, then one reply per command line,
/// and remembers every byte it received. It stands in for hostile or broken servers that no
/// real package reproduces on demand.
public final class ScriptedServer: Sendable {
    public let port: Int
    private let channel: Channel
    private let log: NIOLockedValueBox<[UInt8]>

    /// `greeting` nil means the server accepts and stays silent; a nil reply means it closes.
    public static func start(greeting: [UInt8]?, replies: [[UInt8]?] = []) async throws -> ScriptedServer {
        let log = NIOLockedValueBox<[UInt8]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ScriptHandler(greeting: greeting, replies: replies, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return ScriptedServer(port: channel.localAddress!.port!, channel: channel, log: log)
    }

    private init(port: Int, channel: Channel, log: NIOLockedValueBox<[UInt8]>) {
        self.port = port
        self.channel = channel
        self.log = log
    }

    /// Everything clients sent, all connections together.
    public var received: [UInt8] { log.withLockedValue { $0 } }

    public func stop() async {
        try? await channel.close()
    }
}

private final class ScriptHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let greeting: [UInt8]?
    private var replies: [[UInt8]?]
    private let log: NIOLockedValueBox<[UInt8]>

    init(greeting: [UInt8]?, replies: [[UInt8]?], log: NIOLockedValueBox<[UInt8]>) {
        self.greeting = greeting
        self.replies = replies
        self.log = log
    }

    func channelActive(context: ChannelHandlerContext) {
        if let greeting { context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: greeting)), promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = Array(unwrapInboundIn(data).readableBytesView)
        log.withLockedValue { $0 += bytes }
        for _ in 0..<bytes.filter({ $0 == 10 }).count {
            guard !replies.isEmpty else { return }
            guard let reply = replies.removeFirst() else {
                context.close(promise: nil)
                return
            }
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: reply)), promise: nil)
        }
    }
}
