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
}
