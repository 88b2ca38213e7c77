/// A set of identities named by their ordinal (their position in the run's input order), kept as
/// one bit per identity: a million identities take 125 KB, and unions are word-wide ORs.
public struct IdentitySet: Hashable, Sendable {
    private var words: [UInt64] = []
    public private(set) var count = 0

    public init() {}

    public init(_ ordinals: some Sequence<Int32>) {
        for ordinal in ordinals { insert(ordinal) }
    }

    public var isEmpty: Bool { count == 0 }

    public func contains(_ ordinal: Int32) -> Bool {
        guard ordinal >= 0 else { return false }
        let word = Int(ordinal) >> 6
        return word < words.count && words[word] & (1 << UInt64(Int(ordinal) & 63)) != 0
    }

    public mutating func insert(_ ordinal: Int32) {
        guard ordinal >= 0 else { return }
        let word = Int(ordinal) >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        let bit: UInt64 = 1 << UInt64(Int(ordinal) & 63)
        if words[word] & bit == 0 {
            words[word] |= bit
            count += 1
        }
    }

    public mutating func formUnion(_ other: IdentitySet) {
        if other.words.count > words.count {
            words.append(contentsOf: repeatElement(0, count: other.words.count - words.count))
        }
        var total = 0
        for index in words.indices {
            if index < other.words.count { words[index] |= other.words[index] }
            total += words[index].nonzeroBitCount
        }
        count = total
    }

    public func intersection(_ other: IdentitySet) -> IdentitySet {
        var result = IdentitySet()
        let shared = min(words.count, other.words.count)
        result.words = (0..<shared).map { words[$0] & other.words[$0] }
        result.count = result.words.reduce(0) { $0 + $1.nonzeroBitCount }
        return result
    }

    /// The ordinals in ascending order.
    public var ordinals: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(count)
        for (index, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                let bit = remaining.trailingZeroBitCount
                result.append(Int32(index * 64 + bit))
                remaining &= remaining - 1
            }
        }
        return result
    }

    /// The first `limit` ordinals in ascending order, without listing the rest.
    public func ordinals(limit: Int) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(Swift.min(limit, count))
        for (index, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                guard result.count < limit else { return result }
                result.append(Int32(index * 64 + remaining.trailingZeroBitCount))
                remaining &= remaining - 1
            }
        }
        return result
    }
}
