/// A byte buffer in front of a ``ReportSink``: writers append bytes, and the buffer hands them to
/// the sink in blocks of about ``blockSize`` bytes, so a document of any size takes bounded memory.
public final class ExportByteBuffer {
    /// How many bytes are collected before they go to the sink.
    public static let blockSize = 1 << 16

    private let sink: any ReportSink
    private let bytes = ByteAccumulator(capacity: blockSize + 4096)

    public init(sink: any ReportSink) { self.sink = sink }

    @inline(__always)
    public func append(_ byte: UInt8) { bytes.append(byte) }

    public func append(_ text: String) { bytes.append(text) }

    public func append(_ other: [UInt8]) { other.withUnsafeBufferPointer { bytes.append($0) } }

    public func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(buffer) }

    /// Appends `value` in decimal digits, without building a string.
    public func append(decimal value: Int) { bytes.append(decimal: value) }

    /// Hands the collected bytes to the sink once a block is full.
    @inline(__always)
    public func flushIfFull() throws {
        if bytes.count >= Self.blockSize { try flush() }
    }

    /// Hands every collected byte to the sink.
    public func flush() throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { try sink.write($0) }
        bytes.removeAll()
    }
}
