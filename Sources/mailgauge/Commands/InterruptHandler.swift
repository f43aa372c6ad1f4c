import Dispatch
import Foundation

/// Turns SIGINT into a clean stop: the first one runs `onInterrupt` (the run ends and still
/// writes its result); the default action is restored once the handler is cancelled.
final class InterruptHandler {
    private let source: DispatchSourceSignal

    init(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            FileHandle.standardError.write(Data("\nmailgauge: interrupted; stopping and writing a partial result\n".utf8))
            onInterrupt()
        }
        source.resume()
    }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
