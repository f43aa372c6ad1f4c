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
    /// With `byteInterval`, replies (not the greeting) trickle out a byte at a time.
    public static func start(greeting: [UInt8]?, replies: [[UInt8]?] = [], byteInterval: TimeAmount? = nil) async throws -> ScriptedServer {
        let log = NIOLockedValueBox<[UInt8]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ScriptHandler(greeting: greeting, replies: replies, byteInterval: byteInterval, log: log))
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
    private let byteInterval: TimeAmount?
    private let log: NIOLockedValueBox<[UInt8]>

    init(greeting: [UInt8]?, replies: [[UInt8]?], byteInterval: TimeAmount?, log: NIOLockedValueBox<[UInt8]>) {
        self.greeting = greeting
        self.replies = replies
        self.byteInterval = byteInterval
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
            guard let byteInterval else {
                context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: reply)), promise: nil)
                continue
            }
            Self.trickle(reply[...], every: byteInterval, on: NIOLoopBound(context, eventLoop: context.eventLoop))
        }
    }

    /// One byte, then the rest once it is written and `interval` has passed: the bytes stay
    /// apart however busy the machine is, never bunched into one read.
    private static func trickle(_ bytes: ArraySlice<UInt8>, every interval: TimeAmount, on bound: NIOLoopBound<ChannelHandlerContext>) {
        guard let byte = bytes.first else { return }
        let context = bound.value
        context.writeAndFlush(NIOAny(context.channel.allocator.buffer(bytes: [byte]))).whenSuccess {
            context.eventLoop.scheduleTask(in: interval) { trickle(bytes.dropFirst(), every: interval, on: bound) }
        }
    }
}
