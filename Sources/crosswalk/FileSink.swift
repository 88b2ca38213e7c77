import CrosswalkCore
import Foundation

/// A ``ReportSink`` that writes to an open file through a 4 MiB buffer, so renderers can stream
/// documents of any size with few system calls. Write errors surface as `SystemCallError`.
///
/// A large report (a JSON or XML export of a million identities runs to gigabytes) is written
/// past the page cache: once the first full buffer goes out, the file is switched to direct I/O
/// (`O_DIRECT`), and every later full buffer goes from this process's memory to the disk. Copying
/// gigabytes into the page cache, and then flushing it for `fsync`, cost more than twice the
/// system time (see `docs/performance.md`). Direct writes need aligned memory, sizes and offsets:
/// the buffer is page-aligned and only ever written whole, so every direct write is one full
/// buffer at a multiple of its size, and the last, partial buffer is written after direct I/O is
/// switched off again. Where the file system refuses direct I/O, the sink stays with ordinary
/// writes; small files never use it.
final class FileSink: ReportSink {
    private let descriptor: Int32
    private static let capacity = 4 << 20
    /// Memory alignment of direct writes: a page, a multiple of any logical block size in use.
    private static let alignment = 4096
    private let buffer: UnsafeMutableRawBufferPointer
    private var count = 0
    private var direct = false
    /// Whether switching to direct I/O has been tried (once per file).
    private var triedDirect = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.capacity, alignment: Self.alignment)
    }

    deinit {
        buffer.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var rest = bytes
        while !rest.isEmpty {
            let taken = min(rest.count, Self.capacity - count)
            UnsafeMutableRawBufferPointer(rebasing: buffer[count..<count + taken])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: rest[..<taken]))
            count += taken
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
            if count == Self.capacity { try writeFullBuffer() }
        }
    }

    /// Writes out whatever is buffered (call once, when the document is complete).
    func flush() throws {
        guard count > 0 else { return }
        if direct { setDirect(false) }
        try writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        count = 0
    }

    /// Writes the full buffer, directly to the disk when the file system allows.
    private func writeFullBuffer() throws {
        try writeAll(UnsafeRawBufferPointer(buffer))
        count = 0
        if !triedDirect {
            // The first buffer goes through the page cache like any small file's; a file that
            // fills a second one is large.
            triedDirect = true
            direct = setDirect(true)
        }
    }

    /// Turns direct I/O on or off for the file; returns whether the call succeeded.
    @discardableResult
    private func setDirect(_ on: Bool) -> Bool {
        guard let flag = Self.directFlag else { return false }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0 else { return false }
        return fcntl(descriptor, F_SETFL, on ? flags | flag : flags & ~flag) == 0
    }

    /// Linux's `O_DIRECT`, which the C library declares only for `_GNU_SOURCE` (not set for
    /// Swift); its value depends on the processor (the kernel's `asm/fcntl.h`). Nil elsewhere:
    /// the sink then always writes through the page cache.
    private static var directFlag: Int32? {
        #if os(Linux) && (arch(x86_64) || arch(i386))
            return 0o40000
        #elseif os(Linux) && (arch(arm64) || arch(arm))
            return 0o200000
        #else
            return nil
        #endif
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(descriptor, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EINVAL, direct {
                    // The device wants another alignment: write the usual way from here on.
                    direct = !setDirect(false)
                    if !direct { continue }
                }
                throw SystemCallError(code: errno)
            }
            written += count
            if direct, written < bytes.count {
                // A short direct write leaves the offset unaligned (a file size limit, say).
                direct = !setDirect(false)
            }
        }
    }
}
