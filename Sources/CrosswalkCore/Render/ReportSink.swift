/// Where a renderer writes its document: a stream of bytes. The CLI passes a buffered file in the
/// staging folder; tests and small callers pass a ``MemorySink``. Renderers write as they go and
/// never hold a whole large document.
public protocol ReportSink: AnyObject {
    /// Appends bytes to the document. Throws when the destination cannot take them (disk full).
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ReportSink {
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }
}

/// A sink that keeps the document in memory.
public final class MemorySink: ReportSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }
}
