/// Where the evaluate stage keeps every result it does not hold in memory, for the renderers
/// that list them all (JSON, XML): an append-only byte stream per (control, kind of result),
/// read back in the order written. The core keeps them in memory (``MemoryResultSpool``); the
/// `crosswalk` executable passes one backed by temporary files, so a million identities with
/// several findings each do not need gigabytes of memory.
public protocol ResultSpool: AnyObject, Sendable {
    /// Appends bytes to stream `stream`. Throws when the storage cannot take them (disk full).
    func append(_ bytes: [UInt8], to stream: Int) throws
    /// Calls `body` with the bytes of stream `stream`, in order, in one or more chunks; a record
    /// may span chunks.
    func read(_ stream: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws
}

/// A ``ResultSpool`` in memory: for tests, the core's own callers and small runs.
public final class MemoryResultSpool: ResultSpool, @unchecked Sendable {
    // Written only by the evaluate stage's in-order merge, read only after it finished.
    private var streams: [Int: [UInt8]] = [:]

    public init() {}

    public func append(_ bytes: [UInt8], to stream: Int) throws {
        streams[stream, default: []].append(contentsOf: bytes)
    }

    public func read(_ stream: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let bytes = streams[stream] else { return }
        try bytes.withUnsafeBytes { try body($0) }
    }
}
