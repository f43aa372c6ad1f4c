import NIOCore
import NIOPosix

/// A loopback server that plays canned bytes: a greeting, then one reply per command line.
/// It stands in for hostile or broken servers that no real package reproduces on demand.
final class ScriptedPOP3Server: Sendable {
    let port: Int
    private let channel: Channel

    /// `greeting` nil means the server accepts and stays silent; a nil reply means it closes.
    static func start(greeting: [UInt8]?, replies: [[UInt8]?] = []) async throws -> ScriptedPOP3Server {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ScriptHandler(greeting: greeting, replies: replies))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return ScriptedPOP3Server(port: channel.localAddress!.port!, channel: channel)
    }

    private init(port: Int, channel: Channel) {
        self.port = port
        self.channel = channel
    }

    func stop() async {
        try? await channel.close()
    }
}

private final class ScriptHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let greeting: [UInt8]?
    private var replies: [[UInt8]?]

    init(greeting: [UInt8]?, replies: [[UInt8]?]) {
        self.greeting = greeting
        self.replies = replies
    }

    func channelActive(context: ChannelHandlerContext) {
        if let greeting { context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: greeting)), promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let lines = unwrapInboundIn(data).readableBytesView.filter { $0 == 10 }.count
        for _ in 0..<lines {
            guard !replies.isEmpty else { return }
            guard let reply = replies.removeFirst() else {
                context.close(promise: nil)
                return
            }
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: reply)), promise: nil)
        }
    }
}
