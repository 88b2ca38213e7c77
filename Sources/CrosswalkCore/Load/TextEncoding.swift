/// Checks that an input file's bytes are UTF-8 text before a parser reads them: names a UTF-16 or
/// UTF-32 file as such, and finds the first byte that does not belong to a UTF-8 character, so
/// both parsers can report it with its line and column.
enum TextEncoding {
    /// The wide encoding a file announces, by byte-order mark or by the NUL bytes that ASCII text
    /// has in UTF-16 and UTF-32 (RFC 8259 section 8.1 uses the same pattern), or nil for UTF-8.
    static func wideEncoding(of bytes: ArraySlice<UInt8>) -> String? {
        let head = Array(bytes.prefix(4))
        func starts(with prefix: [UInt8]) -> Bool { head.starts(with: prefix) }
        if starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32 (big-endian)" }
        if starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (little-endian)" }
        if starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        if starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        guard head.count >= 2 else { return nil }
        if head.count == 4, head[0] == 0, head[1] == 0, head[2] == 0, head[3] != 0 { return "UTF-32 (big-endian)" }
        if head.count == 4, head[0] != 0, head[1] == 0, head[2] == 0, head[3] == 0 {
            return "UTF-32 (little-endian)"
        }
        if head[0] == 0, head[1] != 0 { return "UTF-16 (big-endian)" }
        if head[0] != 0, head[1] == 0 { return "UTF-16 (little-endian)" }
        return nil
    }

    /// The message for a file in a wide encoding.
    static func wideEncodingMessage(_ encoding: String) -> String {
        "the file is \(encoding) text; Crosswalk reads UTF-8 only, so convert the file to UTF-8"
    }

    /// The message for a byte that is not UTF-8.
    static func invalidByteMessage(_ byte: UInt8) -> String {
        "byte 0x\(String(byte, radix: 16, uppercase: true)) is not valid UTF-8; the file must be UTF-8 text"
    }

    /// Offset of the first byte in `range` that does not belong to a well-formed UTF-8 character
    /// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or nil.
    static func firstInvalidByte(in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        let end = range.upperBound
        func isContinuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            offset < end && bytes[offset] >= low && bytes[offset] <= high
        }
        while index < end {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F:
                length = 1
            case 0xC2...0xDF where isContinuation(index + 1):
                length = 2
            case 0xE0 where isContinuation(index + 1, 0xA0) && isContinuation(index + 2),
                0xE1...0xEC where isContinuation(index + 1) && isContinuation(index + 2),
                0xED where isContinuation(index + 1, 0x80, 0x9F) && isContinuation(index + 2),
                0xEE...0xEF where isContinuation(index + 1) && isContinuation(index + 2):
                length = 3
            case 0xF0 where isContinuation(index + 1, 0x90) && isContinuation(index + 2) && isContinuation(index + 3),
                0xF1...0xF3 where isContinuation(index + 1) && isContinuation(index + 2) && isContinuation(index + 3),
                0xF4
            where isContinuation(index + 1, 0x80, 0x8F) && isContinuation(index + 2)
                && isContinuation(index + 3):
                length = 4
            default:
                return index
            }
            index += length
        }
        return nil
    }

    /// The line and column of byte `offset`: lines counted by line feeds from `start` (which is on
    /// line `firstLine`, column 1), columns counting characters (UTF-8 continuation bytes skipped).
    static func location(
        ofByte offset: Int,
        in bytes: [UInt8],
        from start: Int = 0,
        firstLine: Int = 1
    )
        -> SourceLocation
    {
        var line = firstLine
        var column = 1
        var index = start
        while index < offset, index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }
}
