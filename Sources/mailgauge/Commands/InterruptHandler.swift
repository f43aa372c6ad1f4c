import Dispatch
import Foundation

/// Turns SIGINT into a clean stop: the first one runs `onInterrupt` (the run ends and still
/// writes its result); a second one quits at once with 130, the shell's code for SIGINT, for
/// when the clean stop itself is stuck. The default action is restored once cancelled.
final class InterruptHandler {
    private let source: DispatchSourceSignal

    init(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        self.source = source
        // A source runs one handler at a time, so this count is never raced; `data` counts
        // the signals that came since the last run, two quick presses included.
        nonisolated(unsafe) var received = 0
        source.setEventHandler {
            received += Int(source.data)
            if received > 1 {
                FileHandle.standardError.write(Data("\nmailgauge: interrupted again; quitting without a result\n".utf8))
                exit(130)
            }
            FileHandle.standardError.write(Data("\nmailgauge: interrupted; stopping and writing a partial result (Ctrl-C again to quit at once)\n".utf8))
            onInterrupt()
        }
        source.resume()
    }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
