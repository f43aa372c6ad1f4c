/// The line-end octets the framer reacts to (RFC 5234 appendix B.1: CR %x0D, LF %x0A).
enum IMAPFramerByte {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
}
