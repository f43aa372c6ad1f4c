import ArgumentParser
import Foundation
import MailGaugeRunner

/// Which account to log in as. Passwords come from the environment or a file, never from
/// the command line, where any user of the machine could read them.
struct AccountOptions: ParsableArguments {
    @Option(help: "The user to log in as.")
    var user: String?

    @Option(name: .customLong("password-env"), help: "The environment variable holding --user's password.")
    var passwordEnv = "MAILGAUGE_PASSWORD"

    @Option(name: .customLong("users-file"), help: "A CSV file of user,password lines; with --user, the password is looked up there.")
    var usersFile: String?

    /// The accounts to use: `--user` alone, or every account of the users file.
    func accounts() throws -> [Account] {
        guard usersFile != nil else { return [try environmentAccount()] }
        let accounts = try fileAccounts()
        guard let user else { return accounts }
        guard let account = accounts.first(where: { $0.user == user }) else {
            throw ValidationError("\(usersFile ?? ""): no line for user '\(user)'")
        }
        return [account]
    }

    /// Every account a connection may log in as (`@connect b as 2`): the users file's, in its
    /// order, or `--user` alone.
    func roster() throws -> AccountRoster {
        AccountRoster(usersFile == nil ? [try environmentAccount()] : try fileAccounts())
    }

    private func fileAccounts() throws -> [Account] {
        guard let usersFile else { return [] }
        let text: String
        do {
            text = try String(contentsOfFile: usersFile, encoding: .utf8)
        } catch {
            throw ValidationError("\(usersFile): cannot read the users file")
        }
        do {
            return try UsersFile.parse(text, file: usersFile)
        } catch {
            throw ValidationError(error.description)
        }
    }

    private func environmentAccount() throws -> Account {
        guard let user else { throw ValidationError("give --user (with the password in $\(passwordEnv)) or --users-file") }
        guard let password = ProcessInfo.processInfo.environment[passwordEnv] else {
            throw ValidationError("no password for '\(user)': set the environment variable \(passwordEnv), name another with --password-env, or use --users-file")
        }
        return Account(user: user, password: password)
    }
}
