/// The server's last SCRAM message, parsed (RFC 5802 §7):
///
///     server-final-message = (server-error / verifier) ["," extensions]
///
/// A server-error becomes a thrown `.serverError` carrying the server's text, so only a
/// verifier remains to be represented.
struct SCRAMServerFinalMessage {
    /// The decoded ServerSignature from `v=`.
    let serverSignature: [UInt8]

    private static let messageName = "server-final-message"

    init(parsing bytes: [UInt8]) throws(SASLError) {
        let first = try SCRAMAttribute.parseList(bytes, messageName: Self.messageName)[0]
        try first.throwIfServerError(in: Self.messageName)
        guard first.name == UInt8(ascii: "v") else {
            throw SASLError(.malformedChallenge, "\(Self.messageName) starts with neither v= nor e= (RFC 5802 §7)")
        }
        do throws(SASLError) {
            serverSignature = try Base64.decode(first.value)
        } catch where error.kind == .invalidBase64 {
            throw SASLError(.invalidBase64, "\(Self.messageName) verifier v=: \(error.detail)")
        }
    }
}
