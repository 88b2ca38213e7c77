/// Finds where a run of bytes that need no escaping ends, eight bytes at a time: the JSON and XML
/// writers copy such runs at once and look only at the bytes between them. Text in reports is
/// mostly plain, so most of it is passed over a word at a time.
public enum PlainByteRun {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `start` that is a C0 control (below 0x20) or one of
    /// the five `specials`; `bytes.count` when there is none. The last bytes, fewer than eight,
    /// are read as one word too, padded with spaces (never a special).
    @inlinable @inline(__always)
    public static func end(
        in bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        specials: (UInt8, UInt8, UInt8, UInt8, UInt8)
    ) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let mask = specialMask(word, specials)
            if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
            index += 8
        }
        let rest = bytes.count - index
        guard rest > 0 else { return bytes.count }
        var padded: UInt64 = 0x2020_2020_2020_2020
        withUnsafeMutableBytes(of: &padded) {
            $0.copyMemory(from: UnsafeRawBufferPointer(start: raw + index, count: rest))
        }
        let mask = specialMask(UInt64(littleEndian: padded), specials)
        return mask == 0 ? bytes.count : index + mask.trailingZeroBitCount >> 3
    }

    /// The high bit of each byte of `word` (read little-endian) that is below 0x20 or equals one
    /// of `specials`, and perhaps of bytes after such a byte: the lowest bit set is exact (a
    /// borrow only ever runs from a byte that matched to the bytes above it), so
    /// `trailingZeroBitCount / 8` is the offset of the first matching byte.
    @inlinable @inline(__always)
    static func specialMask(_ word: UInt64, _ specials: (UInt8, UInt8, UInt8, UInt8, UInt8)) -> UInt64 {
        let control = (word &- ones &* 0x20) & ~word
        return
            (control | matches(word, specials.0) | matches(word, specials.1) | matches(word, specials.2)
            | matches(word, specials.3) | matches(word, specials.4)) & highs
    }

    /// As ``specialMask(_:_:)``, for two specials.
    @inlinable @inline(__always)
    static func specialMask(_ word: UInt64, _ first: UInt8, _ second: UInt8) -> UInt64 {
        let control = (word &- ones &* 0x20) & ~word
        return (control | matches(word, first) | matches(word, second)) & highs
    }

    /// The high bit of each byte equal to `byte` (and perhaps of bytes above such a byte).
    @inlinable @inline(__always)
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let folded = word ^ (ones &* UInt64(byte))
        return (folded &- ones) & ~folded
    }
}
