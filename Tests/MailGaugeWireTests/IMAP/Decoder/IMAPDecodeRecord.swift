import MailGaugeWire

/// An Equatable copy of what `IMAPResponseDecoder.next()` returns.
struct IMAPDecodeRecord: Equatable {
    let response: IMAPResponse?
    let frame: [UInt8]
    let findings: [Finding]
}
