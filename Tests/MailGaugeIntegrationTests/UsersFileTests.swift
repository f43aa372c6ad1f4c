import MailGaugeRunner
import Testing

@Suite struct UsersFileTests {
    @Test func readsAccountsSkippingHeaderCommentsAndBlankLines() throws {
        let accounts = try UsersFile.parse("user,password\n# test accounts\nuser1,mg-pass-1\r\n\nuser2,p,with,commas\n", file: "users.csv")
        #expect(accounts == [Account(user: "user1", password: "mg-pass-1"), Account(user: "user2", password: "p,with,commas")])
    }

    @Test(arguments: [("user1\n", "users.csv:1: expected 'user,password'"), (",secret\n", "users.csv:1: expected 'user,password'"),
                      ("# nothing\n", "users.csv: no accounts in the file")])
    func malformedFilesNameTheLineAndNeverThePassword(text: String, message: String) {
        #expect(throws: UsersFile.Error.self) { try UsersFile.parse(text, file: "users.csv") }
        do {
            _ = try UsersFile.parse(text, file: "users.csv")
        } catch {
            #expect(error.description == message)
            #expect(!error.description.contains("secret"))
        }
    }
}
