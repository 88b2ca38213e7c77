/// Runs independent pieces of work, perhaps at the same time. The core library never starts
/// threads itself: the `crosswalk` executable passes a runner that spreads the work over the
/// machine's cores, tests and small callers use ``SerialRunner``. Whatever the runner, the results
/// are combined in a fixed order, so output never depends on it.
public protocol WorkRunner: Sendable {
    /// How many pieces of work are worth running at once.
    var width: Int { get }
    /// Calls `body` once for each index in `0..<count`, in any order and possibly concurrently,
    /// and returns when every call has returned.
    func run(_ count: Int, _ body: @Sendable (Int) -> Void)
    /// Starts `work` beside the caller, who goes on with other work and calls
    /// ``StartedWork/wait()`` before reading anything `work` changes. A runner without threads
    /// runs it before returning.
    func start(_ work: @escaping @Sendable () -> Void) -> any StartedWork
}

/// Work a ``WorkRunner`` started beside its caller.
public protocol StartedWork: Sendable {
    /// Returns when the work has finished. May be called any number of times, from any thread.
    func wait()
}

/// Work that had finished before ``WorkRunner/start(_:)`` returned.
public struct FinishedWork: StartedWork {
    public init() {}
    public func wait() {}
}

/// Runs the work one piece after another on the calling thread.
public struct SerialRunner: WorkRunner {
    public init() {}

    public var width: Int { 1 }

    public func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        for index in 0..<count { body(index) }
    }

    public func start(_ work: @escaping @Sendable () -> Void) -> any StartedWork {
        work()
        return FinishedWork()
    }
}

/// One slot per piece of work for ``WorkRunner/run(_:_:)`` to fill: each index is written by
/// exactly one call, and read only after `run` returned.
final class WorkResults<Value>: @unchecked Sendable {
    private var slots: [Value?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    /// The value set at `index`; call after the work that set it has finished.
    func value(at index: Int) -> Value {
        guard let value = slots[index] else { preconditionFailure("a work result is read before it was set") }
        return value
    }

    /// The values in index order; call after `run` returned.
    var values: [Value] { slots.compactMap { $0 } }
}
