import CrosswalkCore
import Foundation

/// A ``ReportSink`` that writes to an open file through a 1 MiB buffer, so renderers can stream
/// documents of any size with few system calls. Write errors surface as `SystemCallError`.
final class FileSink: ReportSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 20

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.capacity)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > Self.capacity { try flush() }
        if bytes.count >= Self.capacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes out whatever is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(descriptor, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(code: errno)
            }
            written += count
        }
    }
}
