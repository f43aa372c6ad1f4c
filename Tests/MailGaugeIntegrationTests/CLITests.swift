import Foundation
import MailGaugeTestSupport
import Testing

/// The `mailgauge` executable as a user or a CI job runs it: exit codes, messages, secrecy.
@Suite(.enabled("needs the private Dovecot of Scripts/test-server (root, Debian packages)") { await PrivateServer.dovecot.shouldRun })
struct CLITests {
    @Test func shippedScenariosPassAndNoSecretReachesAnyOutput() async throws {
        let environment = try await PrivateServer.dovecot.environment()
        try await PrivateServer.dovecot.reset("user5")
        let password = environment.password(of: "user5")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-\(UUID().uuidString)")
        let (json, junit, html) = (folder.appendingPathComponent("r.json").path, folder.appendingPathComponent("r.xml").path,
                                   folder.appendingPathComponent("r.html").path)
        let output = try await CLI.run(PackagePaths.pop3Scenarios + [
            "--target", "pop3://127.0.0.1:\(environment.pop3Port)", "--starttls", "--ca-file", environment.caFile,
            "--user", "user5", "--json", json, "--junit", junit, "--html", html, "--log-level", "trace",
        ], password: password)
        #expect(output.exitCode == 0, "\(output.combined)")
        #expect(output.stdout.contains("\(PackagePaths.pop3Scenarios.count) passed, 0 failed"))
        #expect(output.stdout.contains("main: PASS [REDACTED]"))
        #expect(output.stderr.contains("trace mailgauge"), "every line is logged at trace level")
        let written = try [json, junit, html].map { try String(contentsOfFile: $0, encoding: .utf8) }
        #expect(written[0].contains("\"format\" : \"mailgauge-report/1\""))
        #expect(written[0].contains("\"greeting\" : \"+OK Dovecot"), "the server information, from the run's own sessions")
        #expect(written[0].contains("\"subject\" : \"CN=localhost, O=MailGauge Test\""))
        for text in [output.stdout, output.stderr] + written {
            #expect(!text.contains(password))
        }
    }

    @Test func alteredExpectationFailsWithADiffAndExitCode1() async throws {
        let environment = try await PrivateServer.dovecot.environment()
        let scenario = try CLI.temporaryScenario("""
            @protocol pop3
            S: +OK{*}
            C: USER ${user}
            S: +OK{*}
            C: PASS ${password}
            S: +OK{*}
            C: LIST 1
            S: +OK 1 999999999
            C: QUIT
            S: +OK{*}
            """)
        let output = try await CLI.run([scenario, "--target", "pop3://127.0.0.1:\(environment.pop3Port)", "--user", "user6"],
                                   password: environment.password(of: "user6"))
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("FAIL \(scenario):7 main: LIST 1"))
        #expect(output.stdout.contains("> expected: +OK 1 999999999"))
        #expect(output.stdout.contains("> actual:   +OK 1 "))
        #expect(output.stdout.contains("transcript so far:"))
        #expect(output.stdout.contains("main C: PASS [REDACTED]"))
        #expect(output.stdout.contains("0 passed, 1 failed"))
    }

    @Test func untrustedCertificateIsAConnectionErrorUnlessInsecure() async throws {
        let environment = try await PrivateServer.dovecot.environment()
        let target = "pop3s://127.0.0.1:\(environment.pop3sPort)"
        let scenario = PackagePaths.file("Scenarios/pop3/list.scn")
        let untrusted = try await CLI.run([scenario, "--target", target, "--user", "user7"], password: environment.password(of: "user7"))
        #expect(untrusted.exitCode == 2)
        #expect(untrusted.stdout.contains("127.0.0.1:\(environment.pop3sPort): TLS failed: the server's certificate is not trusted"))
        let plainPort = try await CLI.run([scenario, "--target", "pop3s://127.0.0.1:\(environment.pop3Port)", "--ca-file", environment.caFile,
                                     "--user", "user7"], password: environment.password(of: "user7"))
        #expect(plainPort.exitCode == 2)
        #expect(plainPort.stdout.contains("127.0.0.1:\(environment.pop3Port): TLS failed: the server"))
        let insecure = try await CLI.run([scenario, "--target", target, "--insecure", "--user", "user7"], password: environment.password(of: "user7"))
        #expect(insecure.exitCode == 0, "\(insecure.combined)")
        #expect(insecure.stderr.contains("NOT verified"))
    }

    @Test func wrongPasswordFailsWithoutShowingIt() async throws {
        let environment = try await PrivateServer.dovecot.environment()
        let wrong = "Wr0ng-Secret-\(UUID().uuidString)"
        let output = try await CLI.run([PackagePaths.file("Scenarios/pop3/list.scn"), "--target", "pop3://127.0.0.1:\(environment.pop3Port)",
                                    "--user", "user8"], password: wrong)
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("PASS [REDACTED]"))
        #expect(!output.combined.contains(wrong))
    }

    @Test func usersFileSuppliesThePassword() async throws {
        let environment = try await PrivateServer.dovecot.environment()
        try await PrivateServer.dovecot.reset("user9")
        let output = try await CLI.run([PackagePaths.file("Scenarios/pop3/uidl.scn"), "--target", "pop3://127.0.0.1:\(environment.pop3Port)",
                                    "--users-file", environment.usersFile, "--user", "user9"], password: "")
        #expect(output.exitCode == 0, "\(output.combined)")
    }
}

/// Errors the CLI must report before or without a server.
@Suite struct CLIErrorTests {
    @Test func syntaxErrorIsOneLineWithFileAndLineAndExitCode2() async throws {
        let scenario = try CLI.temporaryScenario("@protocol pop3\nC: NOOP\nS: +OK {nmber}\n")
        // Port 1 has nothing listening: the run must stop at the syntax error before connecting.
        let output = try await CLI.run([scenario, "--target", "pop3://127.0.0.1:1", "--user", "u"], password: "p")
        #expect(output.exitCode == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("mailgauge: \(scenario):3: unknown pattern '{nmber}'"))
        #expect(output.stderr.split(separator: "\n").count == 1)
    }

    @Test func refusedConnectionNamesHostAndPortWithExitCode2() async throws {
        let output = try await CLI.run([PackagePaths.pop3Scenarios[0], "--target", "pop3://127.0.0.1:1", "--user", "u"], password: "p")
        #expect(output.exitCode == 2)
        #expect(output.stdout.contains("127.0.0.1:1: connection refused"))
    }

    /// `--seed-via` takes the IMAP server of the same account; anything else is a usage error
    /// in one line, before any connection (port 1 has nothing listening).
    @Test(arguments: [
        (["--target", "pop3://127.0.0.1:1", "--seed-via", "pop3://127.0.0.1:1"], "mailgauge: --seed-via pop3://127.0.0.1:1: use imap://host:port or imaps://host:port"),
        (["--target", "pop3://127.0.0.1:1", "--seed-via", "smtp://127.0.0.1:1"], "mailgauge: --seed-via: unknown scheme 'smtp'"),
        (["--target", "imap://127.0.0.1:1", "--seed-via", "imap://127.0.0.1:1"], "mailgauge: --seed-via seeds the POP3 suite"),
    ])
    func seedViaOtherThanIMAPIsAUsageError(arguments: [String], message: String) async throws {
        let output = try await CLI.command(["check", "--user", "u"] + arguments, password: "p")
        #expect(output.exitCode == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix(message), "\(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
    }

    /// `run` of a scenario of two accounts with one given skips it, saying what to give, before
    /// any connection (port 1 has nothing listening); `bench`, which replays only it, refuses.
    @Test func aSecondAccountTheRunLacksSkipsTheScenario() async throws {
        let scenario = PackagePaths.file("Scenarios/imap/two-accounts.scn")
        let run = try await CLI.run([scenario, "--target", "imap://127.0.0.1:1", "--user", "u"], password: "p")
        #expect(run.exitCode == 0, "\(run.combined)")
        #expect(run.stdout.contains("\(scenario):15: @connect … as +1 needs an account other than u"), "\(run.stdout)")
        #expect(!run.stdout.contains("connection refused"))
        let bench = try await CLI.command(["bench", "--target", "imap://127.0.0.1:1", "--scenario", scenario, "--users", "u%d@1-1",
                                           "--sessions", "1", "--iterations", "1"], password: "p")
        #expect(bench.exitCode == 2)
        #expect(bench.stderr.hasPrefix("mailgauge: \(scenario):15: @connect … as +1 needs an account other than u1"), "\(bench.stderr)")
        #expect(bench.stderr.split(separator: "\n").count == 1)
    }

    /// `report junit` as the README writes it, and `j-unit`, the name it had.
    @Test(arguments: ["junit", "j-unit"])
    func reportJUnitRendersAResultAgain(subcommand: String) async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-junit-\(UUID().uuidString).xml").path
        let run = try await ProcessOutput.run(PackagePaths.mailgauge, ["report", subcommand, PackagePaths.file("Tests/MailGaugeReportTests/Golden/report.json"),
                                                                    "-o", output])
        #expect(run.exitCode == 0, "\(run.combined)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("<?xml"))
    }

    /// A `--max-p99` name the scenario never measures is a usage error before any connection.
    @Test func aThresholdOnNothingMeasuredIsAUsageError() async throws {
        let output = try await CLI.command(["bench", "--target", "imap://127.0.0.1:1", "--scenario", PackagePaths.file("Scenarios/load/imap-login.scn"),
                                            "--users", "u%d@1-1", "--sessions", "1", "--iterations", "1", "--max-p99", "NOSUCH=1ms"], password: "p")
        #expect(output.exitCode == 2)
        #expect(output.stderr.hasPrefix("mailgauge: --max-p99 NOSUCH: neither a phase"), "\(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingPasswordIsAUsageError() async throws {
        let output = try await ProcessOutput.run(PackagePaths.mailgauge, ["run", PackagePaths.pop3Scenarios[0], "--target", "pop3://127.0.0.1:1",
                                                                     "--user", "u", "--password-env", "MAILGAUGE_TEST_UNSET_VARIABLE"])
        #expect(output.exitCode == 2)
        #expect(output.stderr.hasPrefix("mailgauge: no password for 'u'"))
        #expect(output.stderr.contains("MAILGAUGE_TEST_UNSET_VARIABLE"))
        #expect(output.stderr.split(separator: "\n").count == 1)
    }
}

/// `mailgauge demo` needs no mail server: the built-in reference server is the target.
@Suite struct DemoCommandTests {
    @Test func demoReplaysEveryShippedScenarioAgainstTheReferenceServer() async throws {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-demo-\(UUID().uuidString).json").path
        let output = try await ProcessOutput.run(PackagePaths.mailgauge, ["demo", "--scenarios", PackagePaths.file("Scenarios"), "--json", json])
        #expect(output.exitCode == 0, "\(output.combined)")
        // The check suites skip what the reference server does not advertise (QRESYNC, and
        // LOGINDISABLED, as the demo lets logins in clear), and nothing else.
        #expect(output.stdout.contains(" 0 failed, 3 skipped, 0 errors"), "\(output.stdout.suffix(300))")
        #expect(output.stdout.contains("SKIP probes/imap-logindisabled-enforced"))
        #expect(output.stdout.contains("PASS probes/imap-starttls-injection"))
        #expect(output.stdout.contains("result: \(json)"))
        #expect(FileManager.default.fileExists(atPath: json))
        #expect(!output.combined.contains("mg-pass-"))
    }
}

/// `bench --source-address` and `--event-loops` against the private Dovecot, whose log names
/// the address each login came from.
@Suite(.enabled("needs the private Dovecot of Scripts/test-server (root, Debian packages)") { await PrivateServer.dovecot.shouldRun })
struct BenchConnectionOptionsTests {
    @Test func sessionsLogInFromEachSourceAddressOnOneLoop() async throws {
        let environment = try await PrivateServer.dovecot.environment()
        let log = URL(fileURLWithPath: environment.usersFile).deletingLastPathComponent().appendingPathComponent("log/dovecot.log").path
        func logins(from address: String) throws -> Int {
            try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
                .filter { $0.contains("Login: user=<user19>") && $0.contains("rip=\(address),") }.count
        }
        let before = try ["127.0.0.2", "127.0.0.3"].map(logins)
        let bench = try await CLI.command(["bench", "--target", "imap://127.0.0.1:\(environment.imapPort)",
                                           "--scenario", PackagePaths.file("Scenarios/load/imap-login.scn"), "--users", "user%d@19-19",
                                           "--sessions", "2", "--iterations", "10", "--quiet", "--event-loops", "1",
                                           "--source-address", "127.0.0.2-127.0.0.3"], password: "mg-pass-%d")
        #expect(bench.exitCode == 0, "\(bench.combined.suffix(2000))")
        let after = try ["127.0.0.2", "127.0.0.3"].map(logins)
        #expect(zip(before, after).map { $1 - $0 } == [5, 5])
    }

    @Test func aLoopCountOutsideItsRangeIsAUsageError() async throws {
        let output = try await CLI.command(["bench", "--target", "imap://127.0.0.1:1", "--scenario", PackagePaths.file("Scenarios/load/imap-login.scn"),
                                            "--users", "u%d@1-1", "--sessions", "1", "--iterations", "1", "--event-loops", "0"], password: "p")
        #expect(output.exitCode == 2)
        #expect(output.stderr.hasPrefix("mailgauge: --event-loops must be between 1 and 1024, not 0"), "\(output.stderr)")
    }
}

/// Every command, every output: with a known password, nothing written or printed contains it.
@Suite(.enabled("needs the private Dovecot of Scripts/test-server (root, Debian packages)") { await PrivateServer.dovecot.shouldRun })
struct SecrecyAcrossCommandsTests {
    @Test func checkBenchAndReportsNeverShowThePassword() async throws {
        let environment = try await PrivateServer.dovecot.environment()
        try await PrivateServer.dovecot.reset("user18")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-secrecy-\(UUID().uuidString)").path
        let outputs = ["check.json", "check.xml", "check.html", "bench.json", "bench.xml", "bench.html", "again.html"].map { "\(folder)/\($0)" }
        let check = try await CLI.command(["check", "--target", "pop3://127.0.0.1:\(environment.pop3Port)", "--suite", "pop3",
                                           "--ca-file", environment.caFile, "--user", "user18", "--log-level", "trace",
                                           "--json", outputs[0], "--junit", outputs[1], "--html", outputs[2]],
                                          password: environment.password(of: "user18"))
        #expect(check.exitCode == 0, "\(check.stdout.suffix(2000))")
        let bench = try await CLI.command(["bench", "--target", "pop3://127.0.0.1:\(environment.pop3Port)",
                                           "--scenario", PackagePaths.file("Scenarios/load/pop3-login.scn"), "--users", "user%d@19-20",
                                           "--sessions", "4", "--iterations", "20", "--quiet", "--log-level", "trace",
                                           "--json", outputs[3], "--junit", outputs[4], "--html", outputs[5]],
                                          password: "mg-pass-%d")
        #expect(bench.exitCode == 0, "\(bench.combined.suffix(2000))")
        let again = try await ProcessOutput.run(PackagePaths.mailgauge, ["report", "html", outputs[3], "-o", outputs[6]])
        #expect(again.exitCode == 0)
        let written = try outputs.map { try String(contentsOfFile: $0, encoding: .utf8) }
        for (name, text) in zip(["check out", "check err", "bench out", "bench err"] + outputs,
                                [check.stdout, check.stderr, bench.stdout, bench.stderr] + written) {
            #expect(!text.contains("mg-pass-"), "\(name) shows a password")
        }
    }
}
