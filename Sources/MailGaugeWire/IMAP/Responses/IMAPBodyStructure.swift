/// `body = "(" (body-type-1part / body-type-mpart) ")"` (RFC 9051 §7.5.2): a MIME tree.
public indirect enum IMAPBodyStructure: Sendable, Hashable {
    case singlePart(IMAPBodyPart)
    case multipart(IMAPMultipartBody)
}
