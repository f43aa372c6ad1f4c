import ArgumentParser
import Logging
import MailGaugeClient
import MailGaugeRunner

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Where to connect and how to trust it; shared by every command that talks to a server.
struct TargetOptions: ParsableArguments {
    @Option(help: "The server: pop3://host:port, pop3s://host:port (implicit TLS), imap://…, imaps://…")
    var target: String

    @Flag(help: "Upgrade a plain connection with STLS (POP3) or STARTTLS (IMAP) before anything else.")
    var starttls = false

    @Option(name: .customLong("ca-file"), help: "A PEM file of CA certificates to trust instead of the system's.")
    var caFile: String?

    @Flag(help: "Do not verify the server's certificate (says so on every run).")
    var insecure = false

    @Option(name: .customLong("connect-timeout"), help: "Seconds to wait for a TCP connection.")
    var connectTimeout: Double = 10

    @Option(name: .customLong("read-timeout"), help: "Seconds to wait for the next bytes of a reply.")
    var readTimeout: Double = 30

    @Option(name: .customLong("reply-timeout"), help: "Seconds one reply may take from its first bytes to its last (a server trickling bytes).")
    var replyTimeout: Double = 60

    @Option(name: .customLong("scenario-timeout"), help: "Seconds one scenario may take in all.")
    var scenarioTimeout: Double = 120

    @Option(name: .customLong("max-message-size"),
            help: "The largest message, in MiB, an IMAP literal or a POP3 RETR body may carry before the decoder stops keeping it (IMAP: a violation).")
    var maxMessageSize: Int = 64

    @Option(name: .customLong("max-line-length"),
            help: "The longest reply line, in KiB, the decoder keeps before it cuts the line and reports it (default 1024 for IMAP, 64 for POP3).")
    var maxLineLength: Int?

    @Flag(help: "Fail on warning-level grammar findings too, not only on violations.")
    var strict = false

    @Option(name: .customLong("log-level"), help: "Log to standard error from this level: trace (every line sent and received, secrets masked), debug, info, warning.")
    var logLevel: Logger.Level = .warning

    func validate() throws {
        for (name, value) in [("--connect-timeout", connectTimeout), ("--read-timeout", readTimeout), ("--reply-timeout", replyTimeout),
                             ("--scenario-timeout", scenarioTimeout)]
        where !(value > 0 && value <= 86_400) {
            throw ValidationError("\(name) must be between 0 and 86400 seconds")
        }
        guard (1...4096).contains(maxMessageSize) else { throw ValidationError("--max-message-size must be between 1 and 4096 MiB") }
        if let maxLineLength, !(1...65_536).contains(maxLineLength) { throw ValidationError("--max-line-length must be between 1 and 65536 KiB") }
        if insecure && caFile != nil { throw ValidationError("--insecure and --ca-file contradict each other; choose one") }
        _ = try resolvedTarget()
    }

    func resolvedTarget() throws -> Target {
        do {
            return try Target(url: target, startTLS: starttls)
        } catch {
            throw ValidationError(error.description)
        }
    }

    var runnerOptions: RunnerOptions {
        var options = RunnerOptions(
            tls: TLSOptions(caFile: caFile, insecure: insecure),
            timeouts: Timeouts(connect: .seconds(connectTimeout), read: .seconds(readTimeout), reply: .seconds(replyTimeout)),
            scenarioTimeout: .seconds(scenarioTimeout), strict: strict, logger: logger, maxMessageSize: maxMessageSize << 20)
        options.maxLineLength = maxLineLength.map { $0 << 10 }
        return options
    }

    private var logger: Logger {
        var logger = Logger(label: "mailgauge") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel
        return logger
    }
}
