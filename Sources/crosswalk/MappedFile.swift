import CrosswalkCore
import Foundation

/// A regular file mapped read-only into memory, for large inventories: nothing is copied, and
/// pages the loader has moved past are given back (`MADV_DONTNEED`), so memory stays bounded
/// whatever the file's size. Pages read again later come back from the file.
///
/// Pages just ahead of the loader are mapped in on a thread of their own, a window at a time
/// (`MADV_POPULATE_READ`), so the reading thread, which every other stage waits on, does not take a
/// page fault for every few kilobytes it reads.
final class MappedFile: ExternalBytes, @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    private let lock = NSLock()
    /// Pages before this offset have been given back since the reader last started over.
    private var released = 0
    /// Pages before this offset have been asked to be mapped in (guarded by `lock`).
    private var populated = 0
    private let populating = DispatchQueue(label: "crosswalk.mapped-file.populate", qos: .userInitiated)

    /// How far ahead of the loader pages are mapped in, and how much at a time.
    static let populationWindow = 16 << 20

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
        lock.lock()
        populate(ahead: 0)
        lock.unlock()
    }

    deinit {
        // Population in flight holds the file; nothing is queued once the last reference is gone.
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
        populate(ahead: end)
    }

    /// Maps in, on `populating`, the pages of the window after `offset` not asked for yet, once
    /// the loader is within a window of the last page asked for. Called with `lock` held.
    private func populate(ahead offset: Int) {
        guard populated < buffer.count, offset + Self.populationWindow >= populated else { return }
        let start = max(populated, offset / pageSize * pageSize)
        let end = min(buffer.count, start + 2 * Self.populationWindow)
        populated = end
        populating.async { self.mapIn(start..<end) }
    }

    /// Maps in the pages of `range` a step at a time, skipping any the loader has already given
    /// back (mapping them again would keep them in memory until the end of the run).
    private func mapIn(_ range: Range<Int>) {
        guard let base = buffer.baseAddress else { return }
        var start = range.lowerBound
        while start < range.upperBound {
            lock.lock()
            let from = max(start, released)
            lock.unlock()
            let end = min(range.upperBound, max(from, start) + Self.populationStep)
            // Kernels before 5.14 refuse the advice; pages are then faulted in as they are read.
            if from < end { _ = madvise(UnsafeMutableRawPointer(mutating: base + from), end - from, Self.populateRead) }
            start = end
        }
    }

    private static let populationStep = 2 << 20

    /// `MADV_POPULATE_READ` (Linux 5.14): map the pages in as reading them would.
    private static let populateRead: Int32 = 22
}
