import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A started child process, its output going to temporary files (so a chatty child can never
/// block on a full pipe) that can be read while it runs. `ProcessOutput.run` waits for it at
/// once; a test that acts on a running process (interrupts it) holds on to it.
///
/// `posix_spawn` and `waitpid` rather than Foundation's `Process`: this sandbox starts
/// processes with SIGCHLD blocked, and `Process` learns of exits through SIGCHLD, so it would
/// wait forever for a child that has long since exited.
public final class ChildProcess: Sendable {
    private let pid: pid_t
    private let folder: URL
    private let stdoutPath: String
    private let stderrPath: String

    private init(pid: pid_t, folder: URL, stdoutPath: String, stderrPath: String) {
        self.pid = pid
        self.folder = folder
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
    }

    public static func start(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ChildProcess {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailgauge-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stdoutPath = folder.appendingPathComponent("stdout").path, stderrPath = folder.appendingPathComponent("stderr").path
        do {
            let pid = try spawn(executable, arguments, environment: environment, stdout: stdoutPath, stderr: stderrPath)
            return ChildProcess(pid: pid, folder: folder, stdoutPath: stdoutPath, stderrPath: stderrPath)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// What the child has written to standard error so far.
    public var stderrSoFar: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// What the child has written to standard output so far.
    public var stdoutSoFar: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }

    /// Polls standard error until it contains `text`; false if it did not within `timeout`.
    public func waitForStderr(containing text: String, within timeout: Duration) async -> Bool {
        await waitFor(text, in: { $0.stderrSoFar }, within: timeout)
    }

    /// Polls standard output until it contains `text`; false if it did not within `timeout`.
    public func waitForStdout(containing text: String, within timeout: Duration) async -> Bool {
        await waitFor(text, in: { $0.stdoutSoFar }, within: timeout)
    }

    private func waitFor(_ text: String, in stream: (ChildProcess) -> String, within timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !stream(self).contains(text) {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }

    public func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Blocks until the child exits, then returns what it printed.
    func waitForExit() -> ProcessOutput {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return finished(status: status)
    }

    /// Waits without blocking a thread (polling) for the child to exit; nil if it still runs
    /// after `timeout`, in which case it is killed, so no test leaves a child behind.
    public func waitForExit(within timeout: Duration) async -> ProcessOutput? {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        var peak = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            peak = max(peak, residentHighWaterMark ?? 0)
            guard ContinuousClock.now < deadline else {
                kill(pid, SIGKILL)
                _ = waitForExit()
                return nil
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return finished(status: status, peakResidentBytes: peak)
    }

    /// The child's peak resident set so far (VmHWM), nil once it has exited. `ru_maxrss` from
    /// `wait4` cannot be used: posix_spawn's child runs on the parent's memory until exec, and
    /// Linux carries that (the whole test process) into the figure.
    private var residentHighWaterMark: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kibibytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kibibytes << 10
    }

    private func finished(status: Int32, peakResidentBytes: Int = 0) -> ProcessOutput {
        defer { try? FileManager.default.removeItem(at: folder) }
        // WIFEXITED / WEXITSTATUS, spelled out because the C macros are not imported.
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ProcessOutput(exitCode: exitCode,
                             stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "",
                             stderr: stderrSoFar, peakResidentBytes: peakResidentBytes)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module
    /// does not import, looked up by name.
    private static let closeFromAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    private static func spawn(_ executable: String, _ arguments: [String], environment: [String: String],
                              stdout: String, stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nothing else the test process holds open reaches the child: a socket of another test
        // inherited by a long-lived child (a CLI run, the Dovecot it starts) would keep that
        // connection open after its owner closed it, and the peer would wait for a close.
        guard let closeFrom = closeFromAction else {
            throw ProcessOutput.SpawnFailure(description: "this C library cannot close inherited descriptors for a child")
        }
        _ = closeFrom(&actions, 3)

        let mergedEnvironment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = mergedEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        // A child starts with no signal blocked and SIGPIPE at its default. Spawned from a test
        // thread it would inherit that thread's mask, in which the Swift runtime blocks nearly
        // every signal: a server the child starts (the Mailutils listeners) then ignored SIGTERM
        // and was stopped only by SIGKILL after a 20 s wait.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw ProcessOutput.SpawnFailure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        return pid
    }
}
