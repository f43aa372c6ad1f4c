import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A minimal POP3 server on loopback whose greeting can be held back (a stall) or never
/// sent, or which hangs up at once: the server misbehaviours the load engine must measure
/// and name. It answers any command with `+OK` and closes after QUIT.
final class ScriptedPOP3Server: Sendable {
    enum Behaviour: Sendable {
        case greet
        case hangUp
    }

    let port: Int
    private let channel: Channel
    private let gate: NIOLockedValueBox<NIODeadline>

    private init(port: Int, channel: Channel, gate: NIOLockedValueBox<NIODeadline>) {
        self.port = port
        self.channel = channel
        self.gate = gate
    }

    static func start(_ behaviour: Behaviour = .greet) async throws -> ScriptedPOP3Server {
        let gate = NIOLockedValueBox(NIODeadline.uptimeNanoseconds(0))
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(behaviour: behaviour, gate: gate))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return ScriptedPOP3Server(port: channel.localAddress!.port!, channel: channel, gate: gate)
    }

    /// Greetings of connections accepted from now on are held until `duration` from now.
    func stall(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let until = NIODeadline.now() + .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        gate.withLockedValue { $0 = until }
    }

    func stop() async {
        try? await channel.close()
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let behaviour: Behaviour
        let gate: NIOLockedValueBox<NIODeadline>

        init(behaviour: Behaviour, gate: NIOLockedValueBox<NIODeadline>) {
            self.behaviour = behaviour
            self.gate = gate
        }

        func channelActive(context: ChannelHandlerContext) {
            guard behaviour == .greet else {
                context.close(promise: nil)
                return
            }
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(deadline: gate.withLockedValue { $0 }) {
                bound.value.writeAndFlush(NIOAny(bound.value.channel.allocator.buffer(string: "+OK scripted\r\n")), promise: nil)
            }
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let line = unwrapInboundIn(data).getString(at: 0, length: 4) ?? ""
            let reply = context.channel.allocator.buffer(string: "+OK\r\n")
            if line.uppercased() == "QUIT" {
                context.writeAndFlush(wrapOutboundOut(reply), promise: nil)
                context.close(promise: nil)
            } else {
                context.writeAndFlush(wrapOutboundOut(reply), promise: nil)
            }
        }
    }
}
