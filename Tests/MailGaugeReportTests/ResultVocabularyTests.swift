import Foundation
import MailGaugeResult
import Testing

/// The typed words of the result model keep the stable spellings that JSON results, baselines
/// and dashboards already use.
struct ResultVocabularyTests {
    @Test(arguments: ["refused", "timeout", "tls", "disconnect", "grammar", "unexpected-reply", "other", "-ERR RETR", "NO LOGIN", "BAD FETCH"])
    func errorKindsRoundTripTheirWords(word: String) throws {
        let kind = try #require(ErrorKind(rawValue: word))
        #expect(kind.rawValue == word)
    }

    @Test func aWordThatNamesNoKindIsRejected() {
        #expect(ErrorKind(rawValue: "OK LOGIN") == nil)
        #expect(ErrorKind(rawValue: "refusedd") == nil)
    }

    @Test func phasesAreEncodedAsTheirWordsInSessionOrder() throws {
        #expect(LoadPhase.allCases.map(\.rawValue) == ["tcp-connect", "tls-handshake", "greeting", "authentication", "logout", "session"])
        #expect(LoadPhase.allCases.sorted() == LoadPhase.allCases)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode([LoadPhase.tcpConnect: 1, .session: 2]), as: UTF8.self)
        #expect(json == #"{"session":2,"tcp-connect":1}"#)
        let errors = String(decoding: try encoder.encode([ErrorKind.refusal(status: "NO", verb: "LOGIN"): 3]), as: UTF8.self)
        #expect(errors == #"{"NO LOGIN":3}"#)
    }
}
