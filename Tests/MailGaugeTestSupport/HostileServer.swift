import NIOCore
import NIOPosix

/// A loopback POP3 or IMAP server that logs anyone in, answers the commands a session needs to
/// get going (CAPABILITY/CAPA, LOGIN/USER/PASS, SELECT, STAT, NOOP, LOGOUT/QUIT) as a plain
/// server would, and meets every other command with one `Behaviour`. Unlike `ScriptedServer`
/// its replies are generated, so they can be endless or millions of lines long; it writes only
/// while the client reads (channel writability), so it never holds more than a chunk itself.
public final class HostileServer: Sendable {
    /// The misbehaviours of issue 12, each one a way real servers break.
    public enum Behaviour: String, CaseIterable, Sendable {
        /// A reply line that never ends: bytes without a line feed, forever.
        case endlessLine = "endless-line"
        /// A correct reply, one byte a second.
        case oneBytePerSecond = "one-byte-per-second"
        /// Half a reply, then a TCP reset.
        case resetMidReply = "reset-mid-reply"
        /// Accepts the connection and never sends a greeting.
        case noGreeting = "no-greeting"
        /// NUL bytes and invalid UTF-8 in replies.
        case nulAndInvalidUTF8 = "nul-and-invalid-utf8"
        /// An IMAP literal announced as `{99999999999}`, then silence.
        case hugeLiteralAnnouncement = "huge-literal-announcement"
        /// A body structure nested 100,000 parentheses deep.
        case deepNesting = "deep-nesting"
        /// Ten million untagged lines before the completion.
        case untaggedFlood = "untagged-flood"
        /// Replies built to make wildcard patterns backtrack: a 900 KB FETCH line of near-matches
        /// and a 1 MB literal of 32,000 header lines.
        case wildcardBait = "wildcard-bait"
        /// Completions carrying another command's tag (IMAP; a POP3 server gets a line that is
        /// neither +OK nor -ERR).
        case wrongTag = "wrong-tag"
        /// A multi-line reply (POP3) or an untagged response (IMAP) with no end, then silence.
        case unterminatedReply = "unterminated-reply"
    }

    public enum Dialect: String, Sendable { case pop3, imap }

    public let port: Int
    private let channel: Channel

    public static func start(_ behaviour: Behaviour, speaking dialect: Dialect) async throws -> HostileServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(HostileHandler(behaviour: behaviour, dialect: dialect))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return HostileServer(port: channel.localAddress!.port!, channel: channel)
    }

    private init(port: Int, channel: Channel) {
        self.port = port
        self.channel = channel
    }

    public func stop() async {
        try? await channel.close()
    }
}

private final class HostileHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let behaviour: HostileServer.Behaviour
    private let dialect: HostileServer.Dialect
    private var pending: [UInt8] = []
    /// What a generated reply still has to write: the next chunk, nil when done.
    private var stream: (() -> [UInt8]?)?

    init(behaviour: HostileServer.Behaviour, dialect: HostileServer.Dialect) {
        self.behaviour = behaviour
        self.dialect = dialect
    }

    func channelActive(context: ChannelHandlerContext) {
        guard behaviour != .noGreeting else { return }
        send(dialect == .imap ? "* OK [CAPABILITY IMAP4rev1] hostile\r\n" : "+OK hostile\r\n", context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        pending += unwrapInboundIn(data).readableBytesView
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: pending[..<newline], as: UTF8.self).trimmingSuffix("\r")
            pending.removeSubrange(...newline)
            answer(line, context: context)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        pump(context: context)
    }

    private func answer(_ line: String, context: ChannelHandlerContext) {
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        let tag = dialect == .imap ? String(words.first ?? "*") : ""
        let verb = String((dialect == .imap ? words.dropFirst().first : words.first) ?? "").uppercased()
        if let plain = plainReply(verb: verb, tag: tag) {
            send(plain, context: context)
            if verb == "LOGOUT" || verb == "QUIT" { context.close(promise: nil) }
            return
        }
        misbehave(tag: tag, context: context)
    }

    /// What a plain server says to the commands that open and close a session.
    private func plainReply(verb: String, tag: String) -> String? {
        switch (dialect, verb) {
        case (.imap, "CAPABILITY"): "* CAPABILITY IMAP4rev1\r\n\(tag) OK done\r\n"
        case (.imap, "LOGIN"), (.imap, "NOOP"): "\(tag) OK done\r\n"
        case (.imap, "SELECT"), (.imap, "EXAMINE"):
            "* 1 EXISTS\r\n* FLAGS (\\Seen)\r\n* OK [UIDVALIDITY 1] ok\r\n\(tag) OK [READ-WRITE] done\r\n"
        case (.imap, "LOGOUT"): "* BYE bye\r\n\(tag) OK done\r\n"
        case (.pop3, "CAPA"): "+OK\r\nUSER\r\n.\r\n"
        case (.pop3, "USER"), (.pop3, "PASS"), (.pop3, "NOOP"), (.pop3, "QUIT"): "+OK\r\n"
        case (.pop3, "STAT"): "+OK 1 100\r\n"
        default: nil
        }
    }

    private func misbehave(tag: String, context: ChannelHandlerContext) {
        let ok = dialect == .imap ? "\(tag) OK done\r\n" : "+OK\r\n"
        switch behaviour {
        case .noGreeting:
            break
        case .endlessLine:
            let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 10)
            send(dialect == .imap ? "* OK " : "+OK ", context: context)
            generate(context: context) { chunk }
        case .oneBytePerSecond:
            trickle(Array((dialect == .imap ? "* OK slow\r\n\(ok)" : "+OK slow\r\n").utf8)[...], context: context)
        case .resetMidReply:
            send(dialect == .imap ? "* 1 FETCH (FLAGS (\\Seen) BODY[] {100}\r\nhalf of" : "+OK 100 octets\r\nhalf of", context: context)
            // SO_LINGER 0: the close sends RST, not FIN.
            let channel = context.channel
            (channel as? SocketOptionProvider)?.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
        case .nulAndInvalidUTF8:
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: Array("* OK n\0l ".utf8) + [0xFF, 0xC3, 0x28, 0x0D, 0x0A]
                + Array((dialect == .imap ? "\(tag) OK d\0ne " : "+OK d\0ne ").utf8) + [0xFE, 0x0D, 0x0A])), promise: nil)
        case .hugeLiteralAnnouncement:
            send(dialect == .imap ? "* 1 FETCH (BODY[] {99999999999}\r\n" : "+OK 99999999999 octets\r\n", context: context)
        case .deepNesting:
            let depth = 100_000
            send("* 1 FETCH (BODYSTRUCTURE " + String(repeating: "(", count: depth) + String(repeating: ")", count: depth) + ")\r\n" + ok,
                 context: context)
        case .untaggedFlood:
            var left = 10_000_000
            let lines = Array(String(repeating: dialect == .imap ? "* OK flood\r\n" : "flood\r\n", count: 4096).utf8)
            if dialect == .pop3 { send("+OK\r\n", context: context) }
            generate(context: context) {
                guard left > 0 else { return nil }
                left -= 4096
                return left > 0 ? lines : lines + Array((self.dialect == .imap ? ok : ".\r\n").utf8)
            }
        case .wildcardBait:
            let nearMatches = String(repeating: "(UID {FLAGS (\\Seen) ", count: 900_000 / 20)
            let headers = String(repeating: "X-Bait: a {*} b\r\n", count: 32_000)
            send(dialect == .imap
                 ? "* 1 FETCH (\(nearMatches) BODY[] {\(headers.utf8.count)}\r\n\(headers))\r\n\(ok)"
                 : "+OK\r\n\(headers).\r\n", context: context)
        case .wrongTag:
            send("ZZZ9 OK done\r\n", context: context)
        case .unterminatedReply:
            send(dialect == .imap ? "* 1 FETCH (FLAGS (\\Seen)\r\n" : "+OK\r\nline one\r\nline two\r\n", context: context)
        }
    }

    private func send(_ text: String, context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
    }

    /// Writes the chunks `next` makes while the client keeps reading them.
    private func generate(context: ChannelHandlerContext, _ next: @escaping () -> [UInt8]?) {
        stream = next
        pump(context: context)
    }

    private func pump(context: ChannelHandlerContext) {
        while context.channel.isActive, context.channel.isWritable, let next = stream {
            guard let chunk = next() else {
                stream = nil
                break
            }
            context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: chunk)), promise: nil)
        }
        context.flush()
    }

    private func trickle(_ bytes: ArraySlice<UInt8>, context: ChannelHandlerContext) {
        guard let byte = bytes.first, context.channel.isActive else { return }
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: [byte])), promise: nil)
        context.eventLoop.scheduleTask(in: .seconds(1)) { bound.value.0.trickle(bytes.dropFirst(), context: bound.value.1) }
    }
}

private extension String {
    func trimmingSuffix(_ suffix: Character) -> String { last == suffix ? String(dropLast()) : self }
}
