/// Values the process keeps until it exits instead of freeing them: a prepared report holds every
/// identity of the run (a million at scale), and freeing them one by one took most of a second at
/// the end of every large run, while the kernel takes the whole address space back at once. Only
/// for values that hold memory and nothing that must be flushed or removed on the way out.
enum KeptUntilExit {
    /// Keeps `value` alive until the process exits.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }

    private final class Box<Value> {
        let value: Value

        init(_ value: Value) { self.value = value }
    }
}
