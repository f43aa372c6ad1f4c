import ArgumentParser
import Foundation

@main
struct MailGaugeCommand: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "mailgauge",
        abstract: "Tests POP3 and IMAP servers: replays RFC-style transcripts and checks every byte against the grammar.",
        discussion: """
            Exit codes: 0 everything passed; 1 a scenario failed; 2 usage, scenario or connection error.
            """,
        version: version,
        subcommands: [RunCommand.self, CheckCommand.self, BenchCommand.self, DemoCommand.self, ReportCommand.self])

    /// Argument parsing reports usage errors with EX_USAGE (64); MailGauge documents 2 for
    /// every usage, scenario or connection error, so CI scripts have one code to test.
    static func main() async {
        lineBufferStandardOutput()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
            }
            Foundation.exit(code == .validationFailure ? CLIExit.usage.rawValue : code.rawValue)
        }
    }
}

/// The documented exit codes.
enum CLIExit: Int32 {
    case passed = 0
    case failed = 1
    case usage = 2

    var code: ExitCode { ExitCode(rawValue) }
}

/// Prints a one-line error to standard error and gives the exit code for it.
func usageFailure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("mailgauge: \(message)\n".utf8))
    return CLIExit.usage.code
}

/// Line by line, also into a file or pipe: a run killed midway keeps what it printed. Called
/// once, before anything is printed. Swift 6 will not read C's mutable global `stdout`, so its
/// value is read through the symbol's address (RTLD_DEFAULT is the null handle on glibc).
private func lineBufferStandardOutput() {
    guard let symbol = dlsym(nil, "stdout") else { return }
    setvbuf(symbol.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee, nil, _IOLBF, 0)
}
