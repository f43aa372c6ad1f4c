import NIOConcurrencyHelpers
import NIOSSL

/// How a client verifies the server's certificate.
public struct TLSOptions: Sendable {
    /// A PEM file of CA certificates to trust instead of the system's.
    public var caFile: String?
    /// Skip certificate verification altogether (the CLI says so loudly when used).
    public var insecure: Bool
    private let contexts = ContextCache()

    public init(caFile: String? = nil, insecure: Bool = false) {
        self.caFile = caFile
        self.insecure = insecure
    }

    /// Certificates are verified by default, against the name or address the user connected to.
    func makeContext() throws -> NIOSSLContext {
        try contexts.context(caFile: caFile, insecure: insecure) {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.minimumTLSVersion = .tlsv12
            if let caFile {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            }
            if insecure {
                configuration.certificateVerification = .none
            }
            return try NIOSSLContext(configuration: configuration)
        }
    }
}

/// The context last built, shared by every copy of the options: building one reads the CA
/// file and sets up BoringSSL, too costly to repeat for each connection of a load run.
private final class ContextCache: Sendable {
    private let last = NIOLockedValueBox<(caFile: String?, insecure: Bool, context: NIOSSLContext)?>(nil)

    func context(caFile: String?, insecure: Bool, make: () throws -> NIOSSLContext) throws -> NIOSSLContext {
        if let last = last.withLockedValue({ $0 }), last.caFile == caFile, last.insecure == insecure {
            return last.context
        }
        let context = try make()
        last.withLockedValue { $0 = (caFile, insecure, context) }
        return context
    }
}
