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
}

/// Runs the work one piece after another on the calling thread.
public struct SerialRunner: WorkRunner {
    public init() {}

    public var width: Int { 1 }

    public func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        for index in 0..<count { body(index) }
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

    /// The values in index order; call after `run` returned.
    var values: [Value] { slots.compactMap { $0 } }
}
