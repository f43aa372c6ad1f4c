/// The envelope and body of a message/rfc822 part (`body-type-msg`, RFC 9051 §9).
public struct IMAPEncapsulatedMessage: Sendable, Hashable {
    public var envelope: IMAPEnvelope
    public var body: IMAPBodyStructure

    public init(envelope: IMAPEnvelope, body: IMAPBodyStructure) {
        self.envelope = envelope
        self.body = body
    }
}
