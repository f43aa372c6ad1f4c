import NIOSSL

/// What a TLS handshake settled: the protocol version and the certificate the server presented.
public struct TLSSession: Sendable, Equatable {
    /// As TLS names it: `TLSv1.2`, `TLSv1.3`.
    public var version: String
    /// Kept encoded: most connections of a load run are never asked for it.
    private var certificateDER: [UInt8]?

    /// The server's certificate; nil when it presented none or it could not be read.
    public var certificate: PeerCertificate? {
        certificateDER.flatMap(PeerCertificate.init(der:))
    }

    /// Reads a handshake that has completed. Call it on the channel's event loop.
    init(_ handler: NIOSSLHandler) throws {
        version = switch handler.tlsVersion {
        case .tlsv1?: "TLSv1"
        case .tlsv11?: "TLSv1.1"
        case .tlsv12?: "TLSv1.2"
        case .tlsv13?: "TLSv1.3"
        case nil: "unknown"
        }
        certificateDER = try handler.peerCertificate?.toDERBytes()
    }
}
