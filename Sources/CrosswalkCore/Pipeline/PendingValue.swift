/// A value a ``WorkRunner`` works out beside its caller, who reads it when it is needed: reading
/// waits until it is ready. The assess stage starts the owner grouping this way, so that the
/// reports which do not show it (the JSON and XML exports, which take longest) start rendering
/// while it is worked out.
public final class PendingValue<Value: Sendable>: @unchecked Sendable {
    /// Written once, by the work, before `started` says it finished; read only after that.
    private var result: Value?
    private var started: (any StartedWork)?

    /// A value that is ready now.
    public init(ready value: Value) {
        result = value
    }

    private init() {}

    /// Starts working out the value with `make` on `runner` (at once, on a runner without threads).
    public static func start(on runner: any WorkRunner, _ make: @escaping @Sendable () -> Value) -> PendingValue {
        let pending = PendingValue()
        pending.started = runner.start { pending.result = make() }
        return pending
    }

    /// The value, once it is ready.
    public var value: Value {
        started?.wait()
        guard let result else { preconditionFailure("a pending value is read before its work has set it") }
        return result
    }
}
