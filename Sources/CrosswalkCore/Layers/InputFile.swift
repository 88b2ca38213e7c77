/// An input file's bytes and the name the user gave it. The CLI reads files; the core only sees this.
public struct InputFile: Sendable {
    /// The path as given on the command line, used in every diagnostic.
    public var path: String
    private var storage: Storage

    /// Where the bytes live.
    private enum Storage: Sendable {
        case array([UInt8])
        case external(any ExternalBytes)
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.storage = .array(bytes)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// A file whose bytes the executable keeps outside Swift's memory (a read-only mapping), so a
    /// large inventory is not copied and its pages can be returned as the loader moves on.
    public init(path: String, external: any ExternalBytes) {
        self.path = path
        self.storage = .external(external)
    }

    /// The bytes as an array. For a file kept outside Swift's memory this copies it: the loaders
    /// of large inputs use ``withUnsafeBytes(_:)`` instead.
    public var bytes: [UInt8] {
        switch storage {
        case .array(let bytes): return bytes
        case .external(let external): return Array(external.buffer)
        }
    }

    public var count: Int {
        switch storage {
        case .array(let bytes): return bytes.count
        case .external(let external): return external.buffer.count
        }
    }

    /// Calls `body` with the bytes, without copying them.
    public func withUnsafeBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch storage {
        case .array(let bytes): return try bytes.withUnsafeBufferPointer(body)
        case .external(let external): return try body(external.buffer.bindMemory(to: UInt8.self))
        }
    }

    /// Says that the bytes before `offset` will not be read again soon, so a file kept outside
    /// Swift's memory can give their pages back (they are read again from the file if needed).
    public func release(before offset: Int) {
        if case .external(let external) = storage { external.release(before: offset) }
    }

    /// The syntax the file's extension announces.
    public var format: InputFormat? { InputFormat(path: path) }
}

/// Bytes of an input file kept outside Swift's memory by the executable, such as a read-only
/// memory mapping: the core reads them and may say which it has finished with.
public protocol ExternalBytes: AnyObject, Sendable {
    /// The whole file; valid as long as the object lives.
    var buffer: UnsafeRawBufferPointer { get }
    /// The bytes before `offset` will not be read again soon; their memory may be returned.
    func release(before offset: Int)
}

/// The text formats Crosswalk reads.
public enum InputFormat: String, Sendable {
    case json
    case jsonLines
    case yaml

    public init?(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".json") {
            self = .json
        } else if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") {
            self = .jsonLines
        } else if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            self = .yaml
        } else {
            return nil
        }
    }
}
