import Foundation

/// A finished child process: its exit code and everything it printed.
public struct ProcessOutput: Sendable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    /// The child's peak resident set in bytes, as last sampled by `waitForExit(within:)` (0 if
    /// not sampled): it polls every 20 ms, so a peak in the child's last moments may be missed.
    public var peakResidentBytes: Int = 0

    /// Everything the process printed, both streams.
    public var combined: String { stdout + stderr }

    public struct SpawnFailure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `executable` to completion on a thread of its own, so waiting for a child never
    /// holds one of the few threads Swift concurrency runs every test on.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try ChildProcess.start(executable, arguments, environment: environment).waitForExit() })
            }.start()
        }
    }
}
