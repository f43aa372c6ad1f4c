import Crypto

/// The APOP timestamp of one POP3 greeting and the check of a client's digest (RFC 1939 §7):
/// `MD5(timestamp + password)`, lower-case hex.
struct APOPChallenge: Sendable {
    /// `<serial.seconds@host>`, unique per greeting as the RFC asks.
    let timestamp: String

    init(serial: Int, seconds: Int64) {
        timestamp = "<\(serial).\(seconds)@mailgauge.reference>"
    }

    func accepts(digest: String, password: String) -> Bool {
        let expected = Insecure.MD5.hash(data: Array((timestamp + password).utf8))
            .map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        return digest.lowercased() == expected
    }
}

extension String {
    /// Pads with zeros on the left up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
