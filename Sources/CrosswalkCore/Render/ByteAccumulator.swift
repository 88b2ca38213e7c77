/// Bytes gathered for a document in storage of its own, appended to without the uniqueness and
/// capacity checks an array makes on every append: the machine-readable reports gather billions
/// of bytes at scale, a few at a time. Grows only for an append larger than what is left.
public final class ByteAccumulator {
    @usableFromInline @exclusivity(unchecked) var storage: UnsafeMutablePointer<UInt8>
    @usableFromInline @exclusivity(unchecked) var capacity: Int
    @usableFromInline @exclusivity(unchecked) var used = 0

    /// How many bytes it holds.
    public var count: Int { used }

    public init(capacity: Int) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    public var isEmpty: Bool { used == 0 }

    /// A copy of the bytes it holds.
    public var array: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: used)) }

    /// Calls `body` with the bytes it holds.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage, count: used))
    }

    /// Forgets every byte (keeping its storage).
    public func removeAll() { used = 0 }

    /// Forgets the bytes after the first `length`.
    public func truncate(to length: Int) { used = min(used, max(0, length)) }

    @inlinable @inline(__always)
    public func append(_ byte: UInt8) {
        reserve(1)
        storage[used] = byte
        used += 1
    }

    @inlinable
    public func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        reserve(buffer.count)
        (storage + used).update(from: base, count: buffer.count)
        used += buffer.count
    }

    /// Appends a copy of the bytes it holds at `range` (a name written earlier, repeated).
    @inlinable
    public func appendCopy(of range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= used, "copy of bytes not held")
        reserve(range.count)
        (storage + used).update(from: storage + range.lowerBound, count: range.count)
        used += range.count
    }

    /// Appends the UTF-8 of `text`, read in place: names and values are appended millions of
    /// times, and a copy of even a short string is a retain and a release.
    public func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var text = text
            text.withUTF8 { append($0) }
        }
    }

    /// Appends `value` in decimal digits, without building a string.
    public func append(decimal value: Int) {
        reserve(20)
        // Most numbers in a report are template numbers and small counts.
        if value >= 0, value < 10 {
            storage[used] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value)
            used += 1
            return
        }
        if value < 0 {
            storage[used] = UInt8(ascii: "-")
            used += 1
        }
        var magnitude = value.magnitude
        let start = used
        repeat {
            storage[used] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            used += 1
            magnitude /= 10
        } while magnitude > 0
        var digits = UnsafeMutableBufferPointer(start: storage + start, count: used - start)
        digits.reverse()
    }

    /// Makes room for `extra` more bytes.
    @inlinable @inline(__always)
    func reserve(_ extra: Int) {
        if used + extra > capacity { grow(to: used + extra) }
    }

    @usableFromInline
    func grow(to needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: storage, count: used)
        storage.deallocate()
        storage = moved
        capacity = larger
    }
}
