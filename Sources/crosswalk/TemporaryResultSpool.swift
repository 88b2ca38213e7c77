import CrosswalkCore
import Foundation

/// A ``ResultSpool`` on disk, so a run's full list of findings does not have to fit in memory.
///
/// Each stream is an anonymous file: created exclusively with mode 0600 in a private folder
/// (`crosswalk-spool-XXXXXX` under `$TMPDIR` or `/tmp`, mode 0700) and unlinked at once, so the
/// data disappears when the run ends, however it ends, and no other user can open it. The folder
/// itself is removed once the evaluate stage has written every stream (``closeFolder()``), or
/// when the spool is freed.
final class TemporaryResultSpool: ResultSpool, @unchecked Sendable {
    // Appended to only by the evaluate stage's in-order merge; read only after it finished.
    private var descriptors: [Int: Int32] = [:]
    private var sizes: [Int: Int] = [:]
    private let folder: String
    private var folderRemoved = false

    init() throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast())
        template += Array("crosswalk-spool-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        guard let created else {
            throw WriteFailure(
                path: base,
                message: "cannot create a temporary folder for the run's results: \(SystemError.current)"
            )
        }
        folder = created
    }

    deinit {
        for descriptor in descriptors.values { close(descriptor) }
        closeFolder()
    }

    /// Removes the private folder, which holds no names (every stream was unlinked as it was
    /// created); the streams stay readable through their open descriptors, and no stream can be
    /// added any more. Call once the evaluate stage has finished writing.
    func closeFolder() {
        guard !folderRemoved else { return }
        folderRemoved = true
        rmdir(folder)
    }

    func append(_ bytes: [UInt8], to stream: Int) throws {
        let descriptor = try self.descriptor(for: stream)
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw WriteFailure(
                        path: folder,
                        message: "cannot keep the run's results in a temporary file: \(SystemError.current)"
                    )
                }
                written += count
            }
        }
        sizes[stream, default: 0] += bytes.count
    }

    func read(_ stream: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let descriptor = descriptors[stream], let size = sizes[stream] else { return }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while offset < size {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return pread(descriptor, base, min(raw.count, size - offset), off_t(offset))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(
                    path: folder,
                    message: "cannot read back the run's results from a temporary file: \(SystemError.current)"
                )
            }
            if count == 0 { break }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            offset += count
        }
    }

    private func descriptor(for stream: Int) throws -> Int32 {
        if let descriptor = descriptors[stream] { return descriptor }
        precondition(!folderRemoved, "a result stream added after the spool's folder was closed")
        let path = "\(folder)/\(stream)"
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw WriteFailure(
                path: folder,
                message: "cannot create a temporary file for the run's results: \(SystemError.current)"
            )
        }
        unlink(path)
        descriptors[stream] = descriptor
        return descriptor
    }
}
