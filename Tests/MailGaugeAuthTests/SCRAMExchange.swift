import Testing
import MailGaugeAuth

/// One complete SCRAM exchange as an RFC prints it.
struct SCRAMExchange: Sendable, CustomTestStringConvertible {
    let hashFunction: SCRAMHashFunction
    let clientNonce: String
    let clientFirst: String
    let serverFirst: String
    let clientFinal: String
    let serverFinal: String

    var testDescription: String { hashFunction.mechanismName }

    /// RFC 5802 §5 (SCRAM-SHA-1) and RFC 7677 §3 (SCRAM-SHA-256), user "user", password "pencil".
    static let rfcExamples = [
        SCRAMExchange(
            hashFunction: .sha1,
            clientNonce: "fyko+d2lbbFgONRv9qkxdawL",
            clientFirst: "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
            serverFirst: "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
            clientFinal: "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
            serverFinal: "v=rmF9pqV8S7suAoZWja4dJRkFsKQ="),
        SCRAMExchange(
            hashFunction: .sha256,
            clientNonce: "rOprNGfwEbeRWgbNEkqO",
            clientFirst: "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
            serverFirst: "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
            clientFinal: "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
            serverFinal: "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="),
    ]

    /// A mechanism for this exchange that has already sent its client-first-message.
    func startedMechanism(password: String = "pencil", maximumIterationCount: Int = SCRAMMechanism.defaultMaximumIterationCount) throws -> SCRAMMechanism {
        var mechanism = try SCRAMMechanism(hashFunction: hashFunction, user: "user", password: password,
                                           clientNonce: Array(clientNonce.utf8), maximumIterationCount: maximumIterationCount)
        #expect(try mechanism.initialResponse() == Array(clientFirst.utf8))
        return mechanism
    }
}
