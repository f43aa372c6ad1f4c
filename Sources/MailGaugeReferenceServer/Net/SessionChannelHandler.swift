import NIOCore
import NIOSSL
import NIOTLS

/// The one NIO handler of a connection: buffers what arrives, hands it to the protocol session,
/// batches what the session sends, and carries out STARTTLS.
///
/// At the STARTTLS upgrade, bytes the client sent after the command and that are already
/// buffered were sent in plaintext; they are **discarded** (RFC 2595 §4, RFC 9051 §6.2.1,
/// CVE-2011-0411), unless the `startTLSInjection` fault asks for them to be answered.
final class SessionChannelHandler: ChannelInboundHandler, SessionTransport {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let server: ServerContext
    private let makeSession: (SessionTransport) -> ProtocolSession
    private var session: ProtocolSession?
    private var context: ChannelHandlerContext?
    private var input = ByteBuffer()
    private var output = ByteBuffer()
    private var pendingUpgrade = false
    private var pendingClose = false
    private var paused = false
    /// `startTLSInjection`: plaintext kept from before the upgrade, to be answered once TLS is up.
    private var injectAfterHandshake = false
    private(set) var isTLS: Bool

    init(server: ServerContext, implicitTLS: Bool, makeSession: @escaping (SessionTransport) -> ProtocolSession) {
        self.server = server
        self.isTLS = implicitTLS
        self.makeSession = makeSession
    }

    var isSwitching: Bool { pendingUpgrade || pendingClose || paused }
    var eventLoop: EventLoop { context!.eventLoop }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        let session = makeSession(self)
        self.session = session
        session.start()
        flush()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        if !isTLS { server.receivedInClear(bytes.readableBytesView) }
        guard !pendingClose else { return }
        input.writeBuffer(&bytes)
        guard !injectAfterHandshake else { return }
        process()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        flush()
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        session?.connectionClosed()
        session = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // TLS failures and resets end the session; the client sees the connection close.
        context.close(promise: nil)
    }

    private func process() {
        guard let session else { return }
        session.consume(&input)
        guard pendingUpgrade else { return }
        upgrade()
        if server.faults.contains(.startTLSInjection) {
            injectAfterHandshake = true
        } else {
            input.clear()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case TLSUserEvent.handshakeCompleted = event, injectAfterHandshake {
            injectAfterHandshake = false
            process()
            flush()
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func upgrade() {
        pendingUpgrade = false
        if server.faults.contains(.dataAfterStartTLSOK) { output.writeString("X") }
        flush()
        guard let context else { return }
        do {
            try context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: server.tlsContext), position: .first)
            isTLS = true
        } catch {
            context.close(promise: nil)
        }
    }

    // MARK: SessionTransport

    func send(_ bytes: [UInt8]) {
        output.writeBytes(bytes)
    }

    func flush() {
        guard let context, output.readableBytes > 0 else { return }
        context.writeAndFlush(wrapOutboundOut(output), promise: nil)
        output = context.channel.allocator.buffer(capacity: 0)
    }

    func startTLS() {
        pendingUpgrade = true
    }

    func pause(for delay: TimeAmount, then resume: @escaping () -> Void) {
        paused = true
        eventLoop.scheduleTask(in: delay) { [self] in
            paused = false
            guard !pendingClose else { return }
            resume()
            flush()
            process()
            flush()
        }
    }

    func close() {
        pendingClose = true
        flush()
        context?.close(promise: nil)
    }
}
