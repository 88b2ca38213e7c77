/// Why the fast JSON Lines decoder gave up on a record: anything it does not handle itself. The
/// loader then reads the record through the tree parser, which says exactly what is wrong.
struct FastPathBailout: Error {}

/// Reads JSON tokens straight from the UTF-8 bytes of one record, for the fast decoder. It
/// handles only ordinary JSON (strings without escapes or control characters, plain whole
/// numbers, `true`, `false`, `null`) and throws ``FastPathBailout`` on everything else, so the
/// tree parser can report the record's problems with their positions.
struct JSONByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// A string token as byte offsets of its contents, and whether they are all ASCII.
    struct StringToken {
        var range: Range<Int>
        var isASCII: Bool
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// The byte at the current position, or 0 at the end.
    var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D else { return }
            index += 1
        }
    }

    /// Consumes `byte` (after whitespace) or bails out.
    mutating func expect(_ byte: UInt8) throws(FastPathBailout) {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { throw FastPathBailout() }
        index += 1
    }

    /// Consumes `byte` (after whitespace) when it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes `null` when it is the next value.
    mutating func consumeNull() -> Bool {
        skipWhitespace()
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// `true` or `false`.
    mutating func bool() throws(FastPathBailout) -> Bool {
        skipWhitespace()
        if index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "t"), bytes[index + 1] == UInt8(ascii: "r"),
            bytes[index + 2] == UInt8(ascii: "u"), bytes[index + 3] == UInt8(ascii: "e")
        {
            index += 4
            return true
        }
        if index + 5 <= bytes.count, bytes[index] == UInt8(ascii: "f"), bytes[index + 1] == UInt8(ascii: "a"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "s"),
            bytes[index + 4] == UInt8(ascii: "e")
        {
            index += 5
            return false
        }
        throw FastPathBailout()
    }

    /// A whole number of zero or more written plainly (no sign, fraction or exponent), of at most
    /// 18 digits so it cannot overflow.
    mutating func nonNegativeInteger() throws(FastPathBailout) -> Int64 {
        skipWhitespace()
        let start = index
        var value: Int64 = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            guard index - start < 18 else { throw FastPathBailout() }
            value = value * 10 + Int64(bytes[index] - 0x30)
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != 0x30 else { throw FastPathBailout() }
        if index < bytes.count {
            let next = bytes[index]
            // A fraction or exponent makes it a number the tree parser reads (and may reject).
            guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else {
                throw FastPathBailout()
            }
        }
        return value
    }

    /// A string token without escapes or control characters; bails out on anything else.
    mutating func stringToken() throws(FastPathBailout) -> StringToken {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw FastPathBailout() }
        let start = index + 1
        var end = start
        var allBits: UInt8 = 0
        // Eight bytes at a time up to the first that ends the string or needs the tree parser (a
        // quote, a backslash, a control character); byte by byte only in the last few bytes.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            var words: UInt64 = 0
            while end + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end, as: UInt64.self))
                let special = PlainByteRun.specialMask(word, 0x22, 0x5C)
                if special != 0 {
                    let offset = special.trailingZeroBitCount >> 3
                    words |= word & ((1 << UInt64(offset << 3)) &- 1)
                    end += offset
                    break
                }
                words |= word
                end += 8
            }
            if words & PlainByteRun.highs != 0 { allBits = 0x80 }
        }
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { throw FastPathBailout() }
            allBits |= byte
            end += 1
        }
        guard end < bytes.count else { throw FastPathBailout() }
        index = end + 1
        return StringToken(range: start..<end, isASCII: allBits < 0x80)
    }

    /// The token's text; bails out when its bytes are not well-formed UTF-8.
    func string(_ token: StringToken) throws(FastPathBailout) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[token.range])
        if token.isASCII { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice, as: UTF8.self) else { throw FastPathBailout() }
        return text
    }

    /// The token's bytes.
    func slice(_ token: StringToken) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[token.range])
    }

    /// Whether the token's bytes spell `literal` exactly.
    func token(_ token: StringToken, equals literal: [UInt8]) -> Bool {
        guard token.range.count == literal.count else { return false }
        var offset = 0
        for index in token.range {
            if bytes[index] != literal[offset] { return false }
            offset += 1
        }
        return true
    }

    /// After a member or element: true when another follows (`,`), false at `close`.
    mutating func continues(before close: UInt8) throws(FastPathBailout) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw FastPathBailout() }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: ",") { return true }
        if byte == close { return false }
        throw FastPathBailout()
    }

    /// Nothing but whitespace is left.
    mutating func expectEnd() throws(FastPathBailout) {
        skipWhitespace()
        guard index == bytes.count else { throw FastPathBailout() }
    }
}
