/// Parses JSON text (RFC 8259) into a ``SourceNode`` tree with line and column for every value.
///
/// Hand-written for two reasons: Foundation's decoders report neither positions for type errors nor
/// duplicate keys, and decoding straight from bytes is several times faster for large inventories.
public struct JSONSourceParser {
    /// Nesting deeper than this is rejected rather than risking the stack on hostile input.
    public static let maximumDepth = 256

    public struct SyntaxError: Error, Sendable {
        public var location: SourceLocation
        public var message: String
    }

    private let bytes: [UInt8]
    private var index: Int
    private var line: Int
    private var lineStart: Int
    private var depth = 0

    /// Parses one complete JSON document. `firstLine` offsets reported lines (for JSON Lines).
    public static func parse(_ bytes: [UInt8], firstLine: Int = 1) throws(SyntaxError) -> SourceNode {
        var parser = JSONSourceParser(bytes: bytes, firstLine: firstLine)
        // Only the start of a file says how it is encoded (a later JSON Lines record cannot).
        if firstLine == 1, let encoding = TextEncoding.wideEncoding(of: bytes[...]) {
            throw parser.error(TextEncoding.wideEncodingMessage(encoding))
        }
        parser.skipByteOrderMark()
        parser.skipWhitespace()
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("unexpected text after the JSON value")
        }
        return node
    }

    private init(bytes: [UInt8], firstLine: Int) {
        self.bytes = bytes
        self.index = 0
        self.line = firstLine
        self.lineStart = 0
    }

    /// Where the column was last counted, so counting resumes there (index only moves forward).
    private var countedIndex = 0
    private var countedColumn = 1

    private var location: SourceLocation {
        mutating get {
            // Columns count Unicode scalars: skip UTF-8 continuation bytes. Resume from the last
            // count on the same line so long lines (JSON Lines records) are scanned once.
            if countedIndex < lineStart || countedIndex > index {
                countedIndex = lineStart
                countedColumn = 1
            }
            while countedIndex < index {
                if bytes[countedIndex] & 0xC0 != 0x80 { countedColumn += 1 }
                countedIndex += 1
            }
            return SourceLocation(line: line, column: countedColumn)
        }
    }

    private mutating func error(_ message: String) -> SyntaxError {
        SyntaxError(location: location, message: message)
    }

    private mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3; lineStart = 3 }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> SourceNode {
        guard index < bytes.count else { throw error("expected a JSON value, found the end of the input") }
        let start = location
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return SourceNode(try parseObject(), at: start)
        case UInt8(ascii: "["):
            return SourceNode(try parseArray(), at: start)
        case UInt8(ascii: "\""):
            return SourceNode(.string(try parseString()), at: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return SourceNode(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return SourceNode(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return SourceNode(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return SourceNode(try parseNumber(), at: start)
        default:
            throw error("expected a JSON value, found '\(Self.describe(bytes[index]))'")
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting is deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws(SyntaxError) -> SourceNode.Value {
        try enter()
        index += 1
        var members: [SourceNode.Member] = []
        var seen = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a quoted key in the object")
            }
            let keyLocation = location
            let key = try parseString()
            if !seen.insert(key).inserted {
                throw SyntaxError(location: keyLocation, message: "duplicate key '\(key)' in the same object")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key '\(key)'")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(SourceNode.Member(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or '}', found the end of the input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(members)
            } else {
                throw error("expected ',' or '}' in the object, found '\(Self.describe(bytes[index]))'")
            }
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> SourceNode.Value {
        try enter()
        index += 1
        var elements: [SourceNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or ']', found the end of the input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            } else {
                throw error("expected ',' or ']' in the list, found '\(Self.describe(bytes[index]))'")
            }
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected in
            index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        guard matches else { throw error("expected '\(literal)'") }
        index += count
    }

    private mutating func parseNumber() throws(SyntaxError) -> SourceNode.Value {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, Self.isDigit(bytes[index]) else { throw error("expected a digit in the number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw error("expected a digit after '.'") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, Self.isDigit(bytes[index]) else {
                throw error("expected a digit in the exponent")
            }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else { throw error("the number \(text) is out of range") }
        return .number(value)
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        index += 1  // opening quote
        // Fast path: most strings have no escapes; decode them in one go.
        var end = index
        var allBits: UInt8 = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20
        {
            allBits |= bytes[end]
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            if allBits >= 0x80 { try checkUTF8(index..<end) }
            let text = String(decoding: bytes[index..<end], as: UTF8.self)
            index = end + 1
            return text
        }
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ end: Int) throws(SyntaxError) {
            if end > runStart {
                try checkUTF8(runStart..<end)
                scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try flush(index)
                index += 1
                return String(scalars)
            }
            if byte == UInt8(ascii: "\\") {
                try flush(index)
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    scalars.append(try parseUnicodeEscape())
                default:
                    index -= 1
                    throw error("invalid escape '\\\(Self.describe(escape))' in a string")
                }
                runStart = index
                continue
            }
            if byte < 0x20 {
                throw error(
                    byte == 0x0A
                        ? "unterminated string (a line break inside quotes)" : "unescaped control character in a string"
                )
            }
            index += 1
        }
        throw error("unterminated string")
    }

    /// Reads the digits of a `\u` escape (the `\u` already consumed), joining a surrogate pair.
    /// A lone surrogate is not a character: it is an error at the escape, never silently replaced.
    private mutating func parseUnicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
        let escapeStart = index - 2
        let code = try parseHex4()
        if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            let lowStart = index
            index += 2
            let low = try parseHex4()
            if (0xDC00...0xDFFF).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
            {
                return scalar
            }
            index = lowStart
        }
        guard let scalar = Unicode.Scalar(code) else {
            index = escapeStart
            throw error(
                "lone surrogate escape '\\u\(String(code, radix: 16, uppercase: true))' in a string; "
                    + "a surrogate must be part of a high-low pair"
            )
        }
        return scalar
    }

    /// Rejects bytes in `range` (raw string text) that are not UTF-8, at the first bad byte.
    private mutating func checkUTF8(_ range: Range<Int>) throws(SyntaxError) {
        guard let offset = TextEncoding.firstInvalidByte(in: bytes, range) else { return }
        index = offset
        throw error(TextEncoding.invalidByteMessage(bytes[offset]))
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("expected four hex digits after '\\u'") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 0x41 + 10)
            default: throw error("expected four hex digits after '\\u'")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\u{\(String(byte, radix: 16))}"
    }
}
