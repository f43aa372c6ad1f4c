@testable import MailGaugeClient
import NIOCore
import NIOEmbedded
import Testing

/// The handler's waits end when the peer is gone, whatever order the events come in.
struct ByteStreamHandlerTests {
    /// A pipeline stays usable for a moment after the channel went inactive, so a STARTTLS
    /// upgrade can add its TLS handler to a connection the server already closed; the handshake
    /// wait must fail at once instead of lasting the read timeout.
    @Test func handshakeWaitAfterThePeerClosedFailsAtOnce() throws {
        let channel = EmbeddedChannel()
        let handler = ByteStreamHandler(readTimeout: .seconds(30))
        try channel.pipeline.syncOperations.addHandler(handler)
        channel.pipeline.fireChannelInactive()
        let handshake = handler.handshakeCompleted(on: channel.eventLoop)
        var outcome: Result<Void, Error>?
        handshake.whenComplete { outcome = $0 }
        #expect(throws: ChannelError.eof) { try outcome?.get() }
    }

    @Test func handshakeWaitPendingWhenThePeerClosesFails() throws {
        let channel = EmbeddedChannel()
        let handler = ByteStreamHandler(readTimeout: .seconds(30))
        try channel.pipeline.syncOperations.addHandler(handler)
        var outcome: Result<Void, Error>?
        handler.handshakeCompleted(on: channel.eventLoop).whenComplete { outcome = $0 }
        #expect(outcome == nil)
        channel.pipeline.fireChannelInactive()
        #expect(throws: ChannelError.eof) { try outcome?.get() }
    }
}
