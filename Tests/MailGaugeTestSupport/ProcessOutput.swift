import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A finished child process: its exit code and everything it printed.
public struct ProcessOutput: Sendable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String

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
                continuation.resume(with: Result { try runBlocking(executable, arguments, environment: environment) })
            }.start()
        }
    }

    /// Runs `executable` to completion, its output in temporary files so a chatty child can
    /// never block on a full pipe.
    ///
    /// `posix_spawn` and a blocking `waitpid` rather than Foundation's `Process`: this sandbox
    /// starts processes with SIGCHLD blocked, and `Process` learns of exits through SIGCHLD,
    /// so it would wait forever for a child that has long since exited.
    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module
    /// does not import, looked up by name.
    private static let closeFromAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    private static func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> ProcessOutput {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("stdout").path, errPath = folder.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else the test process holds open reaches the child: a socket of another test
        // inherited by a long-lived child (a CLI run, the Dovecot it starts) would keep that
        // connection open after its owner closed it, and the peer would wait for a close.
        guard let closeFrom = closeFromAction else { throw SpawnFailure(description: "this C library cannot close inherited descriptors for a child") }
        _ = closeFrom(&actions, 3)

        let mergedEnvironment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = mergedEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw SpawnFailure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out because the C macros are not imported.
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ProcessOutput(exitCode: exitCode,
                             stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                             stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
