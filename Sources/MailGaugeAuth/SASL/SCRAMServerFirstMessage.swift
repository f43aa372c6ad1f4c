/// The server's first SCRAM message, parsed (RFC 5802 §5.1, §7):
///
///     server-first-message = [reserved-mext ","] nonce "," salt "," iteration-count ["," extensions]
///
/// Attributes are checked in the grammar's order. Checking the nonce against the client's and
/// the iteration count against a limit is the mechanism's business, not the parser's.
struct SCRAMServerFirstMessage {
    /// The combined nonce (client part followed by server part); printable ASCII without ','.
    let nonce: [UInt8]
    /// The decoded salt.
    let salt: [UInt8]
    /// A positive iteration count.
    let iterationCount: Int

    private static let messageName = "server-first-message"

    init(parsing bytes: [UInt8]) throws(SASLError) {
        let attributes = try SCRAMAttribute.parseList(bytes, messageName: Self.messageName)
        // Leniency: the grammar has no server-error here, but a server that refuses the user at
        // this step sometimes sends one; surfacing its text beats "missing r=".
        try attributes[0].throwIfServerError(in: Self.messageName)
        if attributes[0].name == UInt8(ascii: "m") {
            throw SASLError(.malformedChallenge, "\(Self.messageName) carries a mandatory extension m=, which a client MUST fail on (RFC 5802 §5.1)")
        }
        let nonce = try Self.value(of: "r", at: 0, in: attributes)
        guard SCRAMAttribute.isValidNonce(nonce) else {
            throw SASLError(.malformedChallenge, "\(Self.messageName) nonce r= must be printable ASCII without ',' (RFC 5802 §7)")
        }
        do throws(SASLError) {
            salt = try Base64.decode(Self.value(of: "s", at: 1, in: attributes))
        } catch where error.kind == .invalidBase64 {
            throw SASLError(.invalidBase64, "\(Self.messageName) salt s=: \(error.detail)")
        }
        let count = try Self.value(of: "i", at: 2, in: attributes)
        guard count.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let iterationCount = Int(String(decoding: count, as: UTF8.self)), iterationCount >= 1 else {
            throw SASLError(.invalidIterationCount, "\(Self.messageName) i=\(SASLError.quote(count)) is not a positive number (RFC 5802 §5.1)")
        }
        self.nonce = nonce
        self.iterationCount = iterationCount
    }

    /// The value of the attribute that the grammar puts at `position`.
    private static func value(of name: Character, at position: Int, in attributes: [SCRAMAttribute]) throws(SASLError) -> [UInt8] {
        guard position < attributes.count, attributes[position].name == name.asciiValue else {
            throw SASLError(.malformedChallenge, "\(messageName) lacks \(name)= as attribute \(position + 1) (RFC 5802 §7)")
        }
        return attributes[position].value
    }
}
