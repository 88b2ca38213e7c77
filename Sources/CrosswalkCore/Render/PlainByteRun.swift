/// Finds where a run of bytes that need no escaping ends, eight bytes at a time: the JSON and XML
/// writers copy such runs at once and look at the bytes between them one by one. Text in reports
/// is mostly plain, so most of it is passed over a word at a time.
public enum PlainByteRun {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `start` that is a C0 control (below 0x20) or one of
    /// the five `specials`, or an index before it: the caller still checks each byte it stops at.
    /// `bytes.count` when there is none.
    @inlinable @inline(__always)
    public static func end(
        in bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        specials: (UInt8, UInt8, UInt8, UInt8, UInt8)
    ) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if hasSpecial(word, specials) { break }
            index += 8
        }
        return index
    }

    /// Whether some byte of `word` is below 0x20 or equals one of `specials` (exact: a byte of
    /// 0x80 or more is never taken for one below 0x20).
    @inlinable @inline(__always)
    static func hasSpecial(_ word: UInt64, _ specials: (UInt8, UInt8, UInt8, UInt8, UInt8)) -> Bool {
        let control = (word &- ones &* 0x20) & ~word & highs
        return control != 0 || hasByte(word, specials.0) || hasByte(word, specials.1) || hasByte(word, specials.2)
            || hasByte(word, specials.3) || hasByte(word, specials.4)
    }

    @inlinable @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let folded = word ^ (ones &* UInt64(byte))
        return (folded &- ones) & ~folded & highs != 0
    }

    /// The high bit of each byte of `word` (read little-endian) that is below 0x20 or equals
    /// `first` or `second`, and perhaps of bytes after such a byte: the lowest bit set is exact
    /// (a borrow only ever runs from a byte that matched to the bytes above it), so
    /// `trailingZeroBitCount / 8` is the offset of the first matching byte.
    @inlinable @inline(__always)
    static func specialMask(_ word: UInt64, _ first: UInt8, _ second: UInt8) -> UInt64 {
        let control = (word &- ones &* 0x20) & ~word
        let foldedFirst = word ^ (ones &* UInt64(first))
        let foldedSecond = word ^ (ones &* UInt64(second))
        return (control | ((foldedFirst &- ones) & ~foldedFirst) | ((foldedSecond &- ones) & ~foldedSecond)) & highs
    }
}
