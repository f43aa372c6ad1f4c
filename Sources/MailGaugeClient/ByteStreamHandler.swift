import NIOCore
import NIOTLS

/// The last handler of a connection's pipeline: turns channel events into awaited reads.
///
/// One reader at a time asks for the next bytes; bytes that arrive while nobody waits are
/// kept, so nothing is lost between two reads. Once `maxBufferedBytes` are kept, the socket
/// is not read again until the reader takes them: a server that sends faster than the
/// reader decodes fills its own socket buffers, not this process's memory. All state lives
/// on the channel's event loop.
final class ByteStreamHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = Never
    static let maxBufferedBytes = 1 << 20

    private let readTimeout: TimeAmount
    private var received: ByteBuffer?
    private var waiter: EventLoopPromise<ByteBuffer?>?
    private var timeoutTask: Scheduled<Void>?
    private var endOfStream = false
    private var failure: Error?
    private var handshakeWaiter: EventLoopPromise<Void>?
    private var handshakeDone = false
    private var context: ChannelHandlerContext?
    /// A read the channel asked for and this handler held back while its buffer was full.
    private var heldRead = false

    init(readTimeout: TimeAmount) {
        self.readTimeout = readTimeout
    }

    /// Bytes received and not yet handed to a reader.
    var bufferedByteCount: Int { received?.readableBytes ?? 0 }

    /// The next bytes from the peer; nil once the peer has closed and everything was read.
    func nextBytes(on eventLoop: EventLoop) -> EventLoopFuture<ByteBuffer?> {
        if let buffer = received, buffer.readableBytes > 0 {
            received = nil
            if heldRead, let context {
                heldRead = false
                context.read()
            }
            return eventLoop.makeSucceededFuture(buffer)
        }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        if endOfStream { return eventLoop.makeSucceededFuture(nil) }
        precondition(waiter == nil, "one reader at a time")
        let promise = eventLoop.makePromise(of: ByteBuffer?.self)
        waiter = promise
        armTimeout(on: eventLoop)
        return promise.futureResult
    }

    /// Completes once a TLS handshake added in front of this handler has finished.
    func handshakeCompleted(on eventLoop: EventLoop) -> EventLoopFuture<Void> {
        if handshakeDone { return eventLoop.makeSucceededVoidFuture() }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        // A server that closes right after its OK (Dovecot, on a command pipelined after
        // STLS) may be gone before the TLS handler was added: no handshake will ever start.
        if endOfStream { return eventLoop.makeFailedFuture(ChannelError.eof) }
        let promise = eventLoop.makePromise(of: Void.self)
        handshakeWaiter = promise
        armTimeout(on: eventLoop)
        return promise.futureResult
    }

    private func armTimeout(on eventLoop: EventLoop) {
        let timeout = readTimeout
        timeoutTask = eventLoop.scheduleTask(in: timeout) { [weak self] in
            self?.fail(ReadTimedOut(after: timeout))
        }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func read(context: ChannelHandlerContext) {
        guard bufferedByteCount < Self.maxBufferedBytes else {
            heldRead = true
            return
        }
        context.read()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        if let waiter = takeWaiter() {
            waiter.succeed(bytes)
        } else if received == nil {
            received = bytes
        } else {
            received!.writeBuffer(&bytes)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        endOfStream = true
        if received == nil || received!.readableBytes == 0 { takeWaiter()?.succeed(nil) }
        handshakeWaiter?.fail(ChannelError.eof)
        handshakeWaiter = nil
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case TLSUserEvent.handshakeCompleted = event as? TLSUserEvent ?? .shutdownCompleted {
            handshakeDone = true
            cancelTimeout()
            handshakeWaiter?.succeed()
            handshakeWaiter = nil
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        fail(error)
        context.close(promise: nil)
    }

    private func fail(_ error: Error) {
        if failure == nil { failure = error }
        takeWaiter()?.fail(error)
        handshakeWaiter?.fail(error)
        handshakeWaiter = nil
    }

    private func takeWaiter() -> EventLoopPromise<ByteBuffer?>? {
        cancelTimeout()
        defer { waiter = nil }
        return waiter
    }

    private func cancelTimeout() {
        timeoutTask?.cancel()
        timeoutTask = nil
    }
}

/// No bytes arrived within the read timeout while a reply was awaited.
struct ReadTimedOut: Error {
    var after: TimeAmount
}
