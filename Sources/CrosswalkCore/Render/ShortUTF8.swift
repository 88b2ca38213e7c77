/// The UTF-8 of a text of at most 16 bytes, held in two words: appending it to a
/// ``ByteAccumulator`` is two stores, where appending a string reads it through its UTF-8 view
/// and copies it (about 65 instructions for a short name). The XML report writes element and
/// attribute names, nearly all short, several times per result.
public struct ShortUTF8: Sendable {
    @usableFromInline let low: UInt64
    @usableFromInline let high: UInt64
    /// How many bytes the text has (at most 16).
    public let count: Int

    /// The UTF-8 of `text`, or nil when it is longer than 16 bytes.
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count <= 16 else { return nil }
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyBytes(from: utf8) }
        (low, high, count) = (words.0, words.1, utf8.count)
    }

    /// The bytes, in order.
    public var bytes: [UInt8] {
        withUnsafeBytes(of: (low, high)) { Array($0.prefix(count)) }
    }
}

extension ByteAccumulator {
    /// Appends `text`'s bytes: both words are stored, and only `count` bytes are kept.
    @inlinable @inline(__always)
    public func append(_ text: ShortUTF8) {
        reserve(16)
        let target = UnsafeMutableRawPointer(storage + used)
        target.storeBytes(of: text.low, as: UInt64.self)
        target.storeBytes(of: text.high, toByteOffset: 8, as: UInt64.self)
        used += text.count
    }
}
