import Foundation
import MailGaugeTestSupport

/// A private mail server of `Scripts/test-server`, started once per test process: Dovecot,
/// which most integration tests run against; GNU Mailutils, Cyrus IMAP, Courier and pymap,
/// which `check` runs against with their known deviations (`ServerConformanceTests`).
///
/// Locally, tests that need one are skipped with the reason when it cannot start (no root, no
/// packages). Under CI (`CI=true`) they always run, so a broken server setup fails the build
/// instead of passing silently.
actor PrivateServer {
    static let dovecot = PrivateServer(script: "dovecot.sh")
    static let mailutils = PrivateServer(script: "mailutils.sh")
    static let cyrus = PrivateServer(script: "cyrus.sh")
    static let courier = PrivateServer(script: "courier.sh")
    /// IMAP only: its environment's POP3 ports are 0.
    static let pymap = PrivateServer(script: "pymap.sh")

    struct Environment: Sendable {
        var pop3Port: Int
        var pop3sPort: Int
        var imapPort: Int
        var imapsPort: Int
        var caFile: String
        var usersFile: String

        /// Seeded accounts are `userN` with password `mg-pass-N`. Tests that reset an account
        /// own it alone; on the Dovecot, `user21`…`user24` are never reset, for load runs that read.
        func password(of user: String) -> String { "mg-pass-" + user.dropFirst("user".count) }
    }

    let script: String
    /// Started once; concurrent callers wait for the same start.
    private var started: Task<Result<Environment, StartFailure>, Never>?

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    private init(script: String) {
        self.script = PackagePaths.file("Scripts/test-server/" + script)
    }

    /// True when tests needing the server should run: under CI always, locally when it starts.
    var shouldRun: Bool {
        get async {
            if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
            return (try? await environment()) != nil
        }
    }

    func environment() async throws(StartFailure) -> Environment {
        if started == nil { started = Task { [script] in await Self.start(script) } }
        return try await started!.value.get()
    }

    /// Restores a user's mailbox to the seed, so each test starts from known messages.
    func reset(_ user: String) async throws(StartFailure) {
        _ = try await environment()
        let output: ProcessOutput
        do {
            output = try await ProcessOutput.run("/bin/bash", [script, "reset", user])
        } catch {
            throw StartFailure(description: "cannot run \(script): \(error)")
        }
        guard output.exitCode == 0 else { throw StartFailure(description: "reset \(user) failed: \(output.stderr)") }
    }

    private static func start(_ script: String) async -> Result<Environment, StartFailure> {
        let output: ProcessOutput
        do {
            output = try await ProcessOutput.run("/bin/bash", [script, "start"])
        } catch {
            return .failure(StartFailure(description: "cannot run \(script): \(error)"))
        }
        guard output.exitCode == 0 else {
            return .failure(StartFailure(description: "\(script) start failed (\(output.exitCode)): \(output.stderr)"))
        }
        var values: [String: String] = [:]
        for line in output.stdout.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
        }
        guard let pop3 = values["MAILGAUGE_POP3_PORT"].flatMap(Int.init), let pop3s = values["MAILGAUGE_POP3S_PORT"].flatMap(Int.init),
              let imap = values["MAILGAUGE_IMAP_PORT"].flatMap(Int.init), let imaps = values["MAILGAUGE_IMAPS_PORT"].flatMap(Int.init),
              let ca = values["MAILGAUGE_CA_FILE"], let users = values["MAILGAUGE_USERS_FILE"] else {
            return .failure(StartFailure(description: "\(script) start printed no usable environment: \(output.stdout)"))
        }
        return .success(Environment(pop3Port: pop3, pop3sPort: pop3s, imapPort: imap, imapsPort: imaps, caFile: ca, usersFile: users))
    }
}
