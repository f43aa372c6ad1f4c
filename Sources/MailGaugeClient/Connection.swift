import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// One TCP (and possibly TLS) connection to a mail server: bytes out, bytes in, STARTTLS.
///
/// It knows nothing of commands or replies; protocol clients sit on top of it.
public final class Connection: Sendable {
    public let target: Target
    /// `Timeouts.reply`, which the protocol clients hold each reply to.
    public let replyTimeout: Duration
    private let channel: Channel
    private let handler: NIOLoopBound<ByteStreamHandler>
    private let tlsContext: NIOSSLContext?
    private let meterBox: NIOLockedValueBox<ConnectionMeter>
    private let tlsBox = NIOLockedValueBox<TLSSession?>(nil)

    private init(target: Target, replyTimeout: Duration, channel: Channel, handler: NIOLoopBound<ByteStreamHandler>, tlsContext: NIOSSLContext?,
                 tcpConnect: Duration) {
        self.target = target
        self.replyTimeout = replyTimeout
        self.channel = channel
        self.handler = handler
        self.tlsContext = tlsContext
        var meter = ConnectionMeter()
        meter.tcpConnect = tcpConnect
        self.meterBox = NIOLockedValueBox(meter)
    }

    /// Timings and byte counts so far.
    public var meter: ConnectionMeter { meterBox.withLockedValue { $0 } }

    /// The local end of the connection: the source address it was made from.
    public var localAddress: SocketAddress? { channel.localAddress }

    /// The TLS version and server certificate, once a handshake has completed; it stays
    /// readable after the connection is closed.
    public var tls: TLSSession? { tlsBox.withLockedValue { $0 } }

    /// Connects, and for implicit TLS completes the handshake before returning. By default the
    /// connection lives on the event loop the caller runs on, if it runs on one (see
    /// `EventLoopExecutor`), so its reads and writes need no thread switch.
    /// `source`, when given, is the local address the connection is made from.
    public static func open(
        to target: Target, tls: TLSOptions = .init(), timeouts: Timeouts = .init(), from source: SocketAddress? = nil,
        group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton.any()
    ) async throws(ConnectionError) -> Connection {
        let endpoint = target.endpoint
        let tlsContext: NIOSSLContext?
        do {
            tlsContext = target.security == .plain ? nil : try tls.makeContext()
        } catch {
            throw ConnectionError(.tls, endpoint: endpoint, "cannot set up TLS: \(describe(error))")
        }
        let readTimeout = TimeAmount.nanoseconds(timeouts.read.nanoseconds)
        let implicitTLS = target.security == .implicitTLS
        let serverHostname = Self.serverNameIndication(for: target.host)
        let start = ContinuousClock.now
        do {
            var bootstrap = ClientBootstrap(group: group)
                .connectTimeout(TimeAmount.nanoseconds(timeouts.connect.nanoseconds))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                // Each connection keeps one receive buffer for as long as it is open; mail
                // replies are mostly short, so start at 1 KB (it grows for long ones), which
                // matters with ten thousand connections held open.
                .channelOption(.recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 1024, maximum: 65536))
            if let source { bootstrap = bootstrap.bind(to: source) }
            // The handler is handed back from the initializer, not looked up afterwards: a
            // server that fails the TLS handshake at once has closed the pipeline by then.
            let (channel, handler) = try await Self.connect(bootstrap, to: target) { channel in
                channel.eventLoop.makeCompletedFuture(withResultOf: {
                    if implicitTLS, let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tlsContext, serverHostname: serverHostname))
                    }
                    let handler = ByteStreamHandler(readTimeout: readTimeout)
                    try channel.pipeline.syncOperations.addHandler(handler)
                    return (channel, NIOLoopBound(handler, eventLoop: channel.eventLoop))
                })
            }
            let connection = Connection(target: target, replyTimeout: timeouts.reply, channel: channel, handler: handler, tlsContext: tlsContext,
                                        tcpConnect: start.duration(to: .now))
            if implicitTLS { try await connection.awaitHandshake() }
            return connection
        } catch let error as ConnectionError {
            throw error
        } catch {
            throw Self.classify(error, endpoint: endpoint)
        }
    }

    /// The next bytes the server sent; nil when it has closed the connection.
    public func read() async throws(ConnectionError) -> ByteBuffer? {
        let handler = self.handler
        do {
            let bytes = try await onLoop { handler.value.nextBytes(on: handler.eventLoop) }.get()
            if let count = bytes?.readableBytes { meterBox.withLockedValue { $0.bytesRead += count } }
            return bytes
        } catch {
            throw Self.classify(error, endpoint: target.endpoint)
        }
    }

    public func write(_ bytes: [UInt8]) async throws(ConnectionError) {
        do {
            try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
            meterBox.withLockedValue { $0.bytesWritten += bytes.count }
        } catch {
            throw Self.classify(error, endpoint: target.endpoint)
        }
    }

    /// Upgrades to TLS after the server accepted STLS / STARTTLS (RFC 2595 §4, RFC 9051 §6.2.1).
    ///
    /// Bytes already received past the server's OK were sent in the clear and would be read as
    /// if they came through TLS — the injection the RFCs warn of. They are never used: the
    /// upgrade fails, naming how many there were. `unconsumedBytes` counts any the caller
    /// holds in its own decoder.
    public func startTLS(unconsumedBytes: Int = 0) async throws(ConnectionError) {
        guard let tlsContext else {
            throw ConnectionError(.tls, endpoint: target.endpoint, "STARTTLS needs a target set up for it")
        }
        let handler = self.handler
        let serverHostname = Self.serverNameIndication(for: target.host)
        do {
            let buffered = try await onLoop { handler.eventLoop.makeSucceededFuture(handler.value.bufferedByteCount) }.get()
            if buffered + unconsumedBytes > 0 {
                throw ConnectionError(.unexpectedBytesBeforeTLS, endpoint: target.endpoint,
                    "server sent \(buffered + unconsumedBytes) bytes after accepting STARTTLS and before the TLS handshake; refusing to use them")
            }
            try await onLoop { [channel] in
                channel.eventLoop.makeCompletedFuture(withResultOf: {
                    let tlsHandler = try NIOSSLClientHandler(context: tlsContext, serverHostname: serverHostname)
                    try channel.pipeline.syncOperations.addHandler(tlsHandler, position: .first)
                })
            }.get()
            try await awaitHandshake()
        } catch let error as ConnectionError {
            throw error
        } catch {
            throw Self.classify(error, endpoint: target.endpoint)
        }
    }

    public func close() async {
        try? await channel.close()
    }

    /// Starts closing without waiting for it: for deadlines and cancellation handlers, which
    /// cannot await, to unblock a read in progress.
    public func closeWithoutWaiting() {
        channel.close(promise: nil)
    }

    /// An address is connected to as it is; only a name goes through the resolver, which
    /// would otherwise cost a load run a getaddrinfo call per session.
    private static func connect<Output: Sendable>(
        _ bootstrap: ClientBootstrap, to target: Target, _ initializer: @escaping @Sendable (Channel) -> EventLoopFuture<Output>
    ) async throws -> Output {
        if let address = try? SocketAddress(ipAddress: target.host, port: target.port) {
            return try await bootstrap.connect(to: address, channelInitializer: initializer)
        }
        return try await bootstrap.connect(host: target.host, port: target.port, channelInitializer: initializer)
    }

    /// Runs `body` on the channel's event loop: at once when already there (a session on
    /// its loop's executor), else submitted to it.
    private func onLoop<Value>(_ body: @escaping @Sendable () -> EventLoopFuture<Value>) -> EventLoopFuture<Value> {
        channel.eventLoop.inEventLoop ? body() : channel.eventLoop.flatSubmit(body)
    }

    private func awaitHandshake() async throws {
        let handler = self.handler
        let start = ContinuousClock.now
        // The TLS details are read on the loop as the handshake completes, in the same hop;
        // nil when the server closed right after it: nothing to record then.
        let (completed, session) = try await onLoop { [channel] in
            handler.value.handshakeCompleted(on: handler.eventLoop).map {
                (ContinuousClock.now, try? TLSSession(channel.pipeline.syncOperations.handler(type: NIOSSLHandler.self)))
            }
        }.get()
        let took = start.duration(to: completed)
        meterBox.withLockedValue { $0.tlsHandshake = took }
        tlsBox.withLockedValue { $0 = session }
    }

    /// SNI carries host names only (RFC 6066 §3); for an address the certificate is checked against it.
    private static func serverNameIndication(for host: String) -> String? {
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        return isAddress ? nil : host
    }

    static func classify(_ error: Error, endpoint: String) -> ConnectionError {
        switch error {
        case let error as ConnectionError:
            return error
        case let timeout as ReadTimedOut:
            return ConnectionError(.readTimeout, endpoint: endpoint, "no reply within \(seconds(timeout.after))")
        case ChannelError.connectTimeout(let amount):
            return ConnectionError(.connectTimeout, endpoint: endpoint, "connect timed out after \(seconds(amount))")
        case ChannelError.eof, ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed:
            return ConnectionError(.closed, endpoint: endpoint, "connection closed by the server")
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            let ourSide = (error as? NIOSSLExtraError) == .failedToValidateHostname || describe(error).contains("CERTIFICATE_VERIFY_FAILED")
            return ConnectionError(ourSide ? .certificate : .tls, endpoint: endpoint, "TLS failed: \(describeTLS(error))")
        default:
            let text = describe(error)
            if text.contains("refused") || text.contains("ECONNREFUSED") {
                return ConnectionError(.refused, endpoint: endpoint, "connection refused")
            }
            if text.contains("unreachable") || text.contains("resolve") || text.contains("EAI_") {
                return ConnectionError(.unreachable, endpoint: endpoint, "cannot reach: \(text)")
            }
            if text.contains("EADDRNOTAVAIL") || text.contains("Cannot assign requested address") {
                return ConnectionError(.other, endpoint: endpoint, "cannot connect from that source address (not an address of this machine, or its ephemeral ports are used up)")
            }
            if text.contains("reset by peer") || text.contains("Broken pipe") {
                return ConnectionError(.closed, endpoint: endpoint, "connection reset by the server")
            }
            return ConnectionError(.other, endpoint: endpoint, text)
        }
    }

    private static func seconds(_ amount: TimeAmount) -> String {
        let value = Double(amount.nanoseconds) / 1e9
        return value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }

    /// BoringSSL's reason code in words, with the way out, instead of an error dump.
    private static func describeTLS(_ error: Error) -> String {
        let text = describe(error)
        if (error as? NIOSSLExtraError) == .failedToValidateHostname {
            return "the certificate does not name the host connected to"
        }
        let reasons: [(code: String, meaning: String)] = [
            ("CERTIFICATE_VERIFY_FAILED", "the server's certificate is not trusted (--ca-file PEM trusts a private CA)"),
            ("WRONG_VERSION_NUMBER", "the server did not answer in TLS (a plain port? use --starttls on it)"),
            ("EOF during handshake", "the server closed the connection during the TLS handshake (a plain port? use --starttls on it)"),
            ("UNSUPPORTED_PROTOCOL", "no TLS version in common (MailGauge requires TLS 1.2 or later)"),
            ("TLSV1_ALERT_PROTOCOL_VERSION", "no TLS version in common (MailGauge requires TLS 1.2 or later)"),
            ("HANDSHAKE_FAILURE", "the server refused the handshake (no cipher suite in common?)"),
        ]
        if let reason = reasons.first(where: { text.contains($0.code) }) { return reason.meaning }
        // Keep BoringSSL's reason token, drop the source paths around it.
        if let token = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" })
            .first(where: { $0.count > 6 && $0.allSatisfy { $0.isUppercase || $0 == "_" || $0.isNumber } && $0.contains("_") }) {
            return String(token).lowercased().replacing("_", with: " ")
        }
        return text
    }

    private static func describe(_ error: Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
