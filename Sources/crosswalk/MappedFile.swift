import CrosswalkCore
import Foundation

/// A regular file mapped read-only into memory, for large inventories: nothing is copied, and
/// pages the loader has moved past are given back (`MADV_DONTNEED`), so memory stays bounded
/// whatever the file's size. Pages read again later come back from the file.
final class MappedFile: ExternalBytes, @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    private let lock = NSLock()
    /// Pages before this offset have been given back since the reader last started over.
    private var released = 0

    /// Maps `size` bytes of the open file `descriptor` (the descriptor may be closed afterwards).
    init?(descriptor: Int32, size: Int) {
        guard size > 0 else {
            buffer = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        buffer = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let base = buffer.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), buffer.count) }
    }

    func release(before offset: Int) {
        guard let base = buffer.baseAddress else { return }
        lock.lock()
        defer { lock.unlock() }
        let end = min(offset, buffer.count) / pageSize * pageSize
        // A reader that starts over (the loader after the digest) faults pages in again from the
        // start: give back from the start once more.
        if end <= released { released = 0 }
        guard end > released else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }
}
