/// The reference server's TLS identity: a test CA and a server certificate it signed.
///
/// **Test-only key material, published in this source file: never trust this CA outside tests.**
/// Generated once with OpenSSL (P-256, SHA-256) so that starting a server needs neither the
/// network nor a certificate library; both certificates are valid for 20 years (to November
/// 2046). The server certificate names `DNS:localhost`, `IP:127.0.0.1` and `IP:::1`, so clients
/// can verify it against the loopback address they connect to with `--ca-file` of
/// `certificateAuthorityPEM` (RFC 6125 §6; RFC 8314 §7.2 wants certificates verified).
public enum TestCertificateAuthority {
    /// The CA certificate to trust, e.g. written to a file for `mailgauge --ca-file`.
    public static let certificateAuthorityPEM = """
-----BEGIN CERTIFICATE-----
MIICEzCCAbmgAwIBAgIUE80BYBJ2DhZ1i9Id4Q0J5pRyGL0wCgYIKoZIzj0EAwIw
VzESMBAGA1UECgwJTWFpbEdhdWdlMUEwPwYDVQQDDDhNYWlsR2F1Z2UgUmVmZXJl
bmNlIFNlcnZlciBUZXN0IENBIChJTlNFQ1VSRSwgdGVzdCBvbmx5KTAeFw0yNjEx
MjgwMzAyNTRaFw00NjExMjMwMzAyNTRaMFcxEjAQBgNVBAoMCU1haWxHYXVnZTFB
MD8GA1UEAww4TWFpbEdhdWdlIFJlZmVyZW5jZSBTZXJ2ZXIgVGVzdCBDQSAoSU5T
RUNVUkUsIHRlc3Qgb25seSkwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASLUEXR
kSX1EQvwP0f4YWJ7uuzYbhZ5N7eD8v65HD9Hwk01E+VA4Wq12+9La9trD58Ijx7H
eXdqh6u/Jj7T5Muio2MwYTAdBgNVHQ4EFgQUf+KhPe7e1uNbz9uuTBDJzSD9E/Iw
HwYDVR0jBBgwFoAUf+KhPe7e1uNbz9uuTBDJzSD9E/IwDwYDVR0TAQH/BAUwAwEB
/zAOBgNVHQ8BAf8EBAMCAQYwCgYIKoZIzj0EAwIDSAAwRQIgWhNthOvEq1M6WrZp
9e4o6/1fUx1FvguMZponLIai2zkCIQCf7rp2nq8LBfw9u687dzd/ZFtkohfdrmTt
4JUgE3WngQ==
-----END CERTIFICATE-----
"""

    /// The server's certificate, issued by the CA above.
    static let serverCertificatePEM = """
-----BEGIN CERTIFICATE-----
MIICJjCCAcygAwIBAgIUCYfO/vtgPFzD7ZobBuTcKqRgRDgwCgYIKoZIzj0EAwIw
VzESMBAGA1UECgwJTWFpbEdhdWdlMUEwPwYDVQQDDDhNYWlsR2F1Z2UgUmVmZXJl
bmNlIFNlcnZlciBUZXN0IENBIChJTlNFQ1VSRSwgdGVzdCBvbmx5KTAeFw0yNjEx
MjgwMzAyNTRaFw00NjExMjMwMzAyNTRaMCgxEjAQBgNVBAoMCU1haWxHYXVnZTES
MBAGA1UEAwwJbG9jYWxob3N0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Emc
tX5ybJoGNhO1i5+FQ137s8TSOwve6tk98z0VTqZXRbETX4/tFIFRxL5fTAB75oZJ
xkK6gs+63XrD2WnKAqOBpDCBoTAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIH
gDATBgNVHSUEDDAKBggrBgEFBQcDATAsBgNVHREEJTAjgglsb2NhbGhvc3SHBH8A
AAGHEAAAAAAAAAAAAAAAAAAAAAEwHQYDVR0OBBYEFGuRWgFrA5p1nDY6O1ApBLgO
XnWgMB8GA1UdIwQYMBaAFH/ioT3u3tbjW8/brkwQyc0g/RPyMAoGCCqGSM49BAMC
A0gAMEUCIQCTJffxfk7NKrCmGJVvJ4m/8VkT4LeJolpOXrNIoPMqcgIgIayOlrMu
DnyoTO0RX0a0fWZX1VCAIXRYzdwC0jba7kY=
-----END CERTIFICATE-----
"""

    /// The server's private key (PKCS#8). Test-only: it is public in this repository.
    static let serverPrivateKeyPEM = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgL8GTNUQbNhuw565u
q85jW1GaW5fqGBndavkLhKY0e4WhRANCAATUSZy1fnJsmgY2E7WLn4VDXfuzxNI7
C97q2T3zPRVOpldFsRNfj+0UgVHEvl9MAHvmhknGQrqCz7rdesPZacoC
-----END PRIVATE KEY-----
"""
}
