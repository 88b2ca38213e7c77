/// A byte buffer in front of a ``ReportSink``: writers append bytes, and the buffer hands them to
/// the sink in blocks of about ``blockSize`` bytes, so a document of any size takes bounded memory.
public final class ExportByteBuffer {
    /// How many bytes are collected before they go to the sink.
    public static let blockSize = 1 << 16

    private let sink: any ReportSink
    @exclusivity(unchecked) private var bytes: [UInt8] = []

    public init(sink: any ReportSink) {
        self.sink = sink
        bytes.reserveCapacity(Self.blockSize + 4096)
    }

    @inline(__always)
    public func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    public func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    public func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    public func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    /// Appends `value` in decimal digits, without building a string.
    public func append(decimal value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Hands the collected bytes to the sink once a block is full.
    @inline(__always)
    public func flushIfFull() throws {
        if bytes.count >= Self.blockSize { try flush() }
    }

    /// Hands every collected byte to the sink.
    public func flush() throws {
        guard !bytes.isEmpty else { return }
        try sink.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
