import NIOCore
import NIOPosix

/// Runs a task's jobs on one SwiftNIO event loop, the loop its connections live on.
///
/// A task on Swift's global pool pays a thread switch each time it awaits a read or a
/// write (the loop completes the future, the pool resumes the task); under load those
/// switches cost the generator as much CPU as the protocol work. A session that prefers
/// its loop's executor resumes on the thread that delivered the bytes.
public final class EventLoopExecutor: TaskExecutor {
    public let eventLoop: EventLoop

    init(_ eventLoop: EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Sets how many event-loop threads the shared group has (one per core otherwise); only
    /// before anything has used it, which a command's first act can ensure.
    public static func useLoops(_ count: Int) {
        NIOSingletons.groupLoopCountSuggestion = count
    }

    /// One executor per loop of the shared event loop group.
    public static let all: [EventLoopExecutor] = MultiThreadedEventLoopGroup.singleton.makeIterator().map(EventLoopExecutor.init)

    /// The executor for session `index`: sessions spread over the loops in turn.
    public static func forSession(_ index: Int) -> EventLoopExecutor {
        all[index % all.count]
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
