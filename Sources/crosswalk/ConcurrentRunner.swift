import CrosswalkCore
import Dispatch
import Foundation

/// Spreads the core's independent pieces of work over the machine's cores (Dispatch's
/// `concurrentPerform`). The core combines results in a fixed order, so reports are the same
/// whatever the number of cores.
struct ConcurrentRunner: WorkRunner {
    let width: Int

    init(width: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.width = max(1, width)
    }

    func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    func start(_ work: @escaping @Sendable () -> Void) -> any StartedWork {
        ThreadWork(work)
    }
}

/// Work running on a thread of its own, so that it leaves Dispatch's threads to ``run(_:_:)``;
/// ``wait()`` blocks until it has finished.
struct ThreadWork: StartedWork {
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Void) {
        let done = self.done
        Thread {
            work()
            done.signal()
        }.start()
    }

    func wait() {
        // Signalled again for the next caller: any number of threads may wait, any number of times.
        done.wait()
        done.signal()
    }
}
