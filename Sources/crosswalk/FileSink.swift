import CrosswalkCore
import Foundation

/// A ``ReportSink`` that writes to an open file through 4 MiB buffers, so renderers can stream
/// documents of any size with few system calls, and that hashes what it writes (``digest``) for
/// the manifest. Write errors surface as `SystemCallError`.
///
/// A large report (a JSON or XML export of a million identities runs to gigabytes) is written
/// past the page cache: once the first full buffer goes out, the file is switched to direct I/O
/// (`O_DIRECT`), and every later full buffer goes from this process's memory to the disk. Copying
/// gigabytes into the page cache, and then flushing it for `fsync`, cost more than twice the
/// system time (see `docs/performance.md`). Direct writes need aligned memory, sizes and offsets:
/// the buffers are page-aligned and only ever written whole, so every direct write is one full
/// buffer at a multiple of its size, and the last, partial buffer is written after direct I/O is
/// switched off again. Where the file system refuses direct I/O, the sink stays with ordinary
/// writes; small files never use it.
///
/// From the second full buffer on, buffers are hashed and written by a ``BufferWriter`` thread
/// while the renderer fills the next one: a direct write waits for the disk, and a renderer that
/// waited with it (and hashed on its own thread) left part of a core idle. Bytes are hashed and
/// written in order either way, so the file and its digest do not depend on the thread.
final class FileSink: ReportSink {
    private static let capacity = 4 << 20
    /// Memory alignment of direct writes: a page, a multiple of any logical block size in use.
    private static let alignment = 4096
    /// The buffer being filled.
    private var buffer: UnsafeMutableRawBufferPointer
    private var count = 0
    /// Hashes every byte as it goes out, in file order.
    private let digester = DigesterBox()
    /// Writes full buffers on its own thread, once the file has filled one (large files only).
    private var writer: BufferWriter?
    /// Whether the first full buffer has gone out (and direct I/O been tried).
    private var wroteFirstBuffer = false
    private let output: FileOutput

    init(descriptor: Int32) {
        buffer = Self.allocateBuffer()
        output = FileOutput(descriptor: descriptor)
    }

    deinit {
        if let writer {
            // A renderer that threw leaves the writer running: stop it before freeing its buffers.
            _ = writer.finish()
            writer.deallocateBuffers()
        }
        buffer.deallocate()
    }

    /// A buffer for direct writes: page-aligned, of the sink's capacity.
    static func allocateBuffer() -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: alignment)
    }

    /// The size and SHA-256 of everything written; complete once ``flush()`` has returned.
    var digest: ContentDigest { digester.digester.finish() }

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

    /// Writes out whatever is buffered, and waits until everything handed to the writer thread is
    /// on its way to the disk (call once, when the document is complete).
    func flush() throws {
        if let writer {
            self.writer = nil
            let failure = writer.finish()
            writer.deallocateBuffers()
            if let failure { throw failure }
        }
        guard count > 0 else { return }
        let last = UnsafeRawBufferPointer(rebasing: buffer[..<count])
        digester.digester.update(last)
        output.setDirect(false)
        try output.writeAll(last)
        count = 0
    }

    /// Sends the full buffer on: the first one written here, through the page cache, after which
    /// the file is switched to direct I/O; later ones to the writer thread.
    private func writeFullBuffer() throws {
        if !wroteFirstBuffer {
            // The first buffer goes through the page cache like any small file's; a file that
            // fills a second one is large.
            wroteFirstBuffer = true
            digester.digester.update(UnsafeRawBufferPointer(buffer))
            try output.writeAll(UnsafeRawBufferPointer(buffer))
            count = 0
            output.setDirect(true)
            return
        }
        if writer == nil { writer = BufferWriter(output: output, digester: digester) }
        guard let writer else { return }
        buffer = try writer.exchange(buffer)
        count = 0
    }
}

/// The file a ``FileSink`` writes, and how: ordinary or direct writes. Used by one thread at a
/// time (the sink's, or its writer's while the sink waits or fills another buffer).
final class FileOutput: @unchecked Sendable {
    let descriptor: Int32
    private(set) var direct = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Turns direct I/O on or off for the file (when it is not already so).
    func setDirect(_ on: Bool) {
        guard on != direct, let flag = Self.directFlag else { return }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0 else { return }
        if fcntl(descriptor, F_SETFL, on ? flags | flag : flags & ~flag) == 0 { direct = on }
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

    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SystemCallError) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(descriptor, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EINVAL, direct {
                    // The device wants another alignment: write the usual way from here on.
                    setDirect(false)
                    if !direct { continue }
                }
                throw SystemCallError(code: errno)
            }
            written += count
            if direct, written < bytes.count {
                // A short direct write leaves the offset unaligned (a file size limit, say).
                setDirect(false)
            }
        }
    }
}

/// A ``ContentDigester`` shared between a ``FileSink`` and its writer thread, which never use it
/// at the same time (the sink hashes only before the thread starts and after it has finished).
final class DigesterBox: @unchecked Sendable {
    var digester = ContentDigester()
}

/// Hashes and writes a ``FileSink``'s full buffers, in the order handed over, on a thread of its
/// own, while the sink fills the other of its two buffers.
final class BufferWriter: @unchecked Sendable {
    private let output: FileOutput
    private let digester: DigesterBox
    private let condition = NSCondition()
    /// Full buffers waiting to be written, oldest first.
    private var pending: [UnsafeMutableRawBufferPointer] = []
    /// Written buffers, free to be filled again.
    private var spare: [UnsafeMutableRawBufferPointer] = [FileSink.allocateBuffer()]
    /// Set by ``finish()``: the thread ends once nothing is pending.
    private var finishing = false
    private var finished = false
    /// The first write error; later buffers are dropped.
    private var failure: SystemCallError?

    init(output: FileOutput, digester: DigesterBox) {
        self.output = output
        self.digester = digester
        let thread = Thread { [self] in run() }
        thread.name = "crosswalk-file-writer"
        thread.start()
    }

    /// Hands over a full buffer and returns an empty one to fill, waiting while both are in use.
    /// Throws the first write error the thread met.
    func exchange(_ full: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> UnsafeMutableRawBufferPointer {
        condition.lock()
        defer { condition.unlock() }
        // The full buffer stays the sink's when an earlier write failed; once handed over, the
        // thread always gives a buffer back, written or (after a failure) dropped.
        if let failure { throw failure }
        pending.append(full)
        condition.broadcast()
        while spare.isEmpty { condition.wait() }
        return spare.removeLast()
    }

    /// Waits until every pending buffer is written and the thread has ended; returns the first
    /// write error, if any.
    func finish() -> SystemCallError? {
        condition.lock()
        defer { condition.unlock() }
        finishing = true
        condition.broadcast()
        while !finished { condition.wait() }
        return failure
    }

    /// Frees the buffers the writer holds (after ``finish()``).
    func deallocateBuffers() {
        for buffer in spare + pending { buffer.deallocate() }
        spare = []
        pending = []
    }

    private func run() {
        condition.lock()
        while true {
            while pending.isEmpty && !finishing { condition.wait() }
            if pending.isEmpty { break }
            let buffer = pending.removeFirst()
            let failed = failure != nil
            condition.unlock()
            var error: SystemCallError?
            if !failed {
                digester.digester.update(UnsafeRawBufferPointer(buffer))
                do { try output.writeAll(UnsafeRawBufferPointer(buffer)) } catch let writeError { error = writeError }
            }
            condition.lock()
            if failure == nil, let error { failure = error }
            spare.append(buffer)
            condition.broadcast()
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
