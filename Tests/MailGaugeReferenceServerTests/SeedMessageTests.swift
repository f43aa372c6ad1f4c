import MailGaugeReferenceServer
import Testing

/// The compiled-in seed must stay equal to `Scripts/test-server/seed`, which the test Dovecot
/// serves: scenarios written against one server then pass against the other.
struct SeedMessageTests {
    @Test func embeddedCopiesEqualTheSeedFiles() throws {
        let files = try SeedMessage.load(folder: RepositoryFiles.seedFolder)
        #expect(files.count >= 5)
        #expect(SeedMessage.embedded == files, "regenerate Sources/MailGaugeReferenceServer/Seed/EmbeddedSeed.swift")
    }

    @Test func linesEndInCRLF() {
        let message = SeedMessage(name: "x", text: "a\nb\r\nc\n")
        #expect(message.bytes == Array("a\r\nb\r\nc\r\n".utf8))
    }
}
