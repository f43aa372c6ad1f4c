import NIOSSL

/// The TLS settings of the POP3S/IMAPS ports and of STLS/STARTTLS: the embedded test
/// certificate, TLS 1.2 or later (RFC 8996 retired older versions; RFC 8314 §4.1).
enum ServerTLSContext {
    static func make() throws -> NIOSSLContext {
        let certificate = try NIOSSLCertificate(bytes: Array(TestCertificateAuthority.serverCertificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(TestCertificateAuthority.serverPrivateKeyPEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(certificate)],
                                                                    privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return try NIOSSLContext(configuration: configuration)
    }
}
