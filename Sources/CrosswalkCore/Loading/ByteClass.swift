/// A 256-entry table of ASCII character classes, so the secret screen classifies a byte with one
/// lookup instead of `Character` work.
enum ByteClass {
    static let upper: UInt8 = 1
    static let lower: UInt8 = 2
    static let digit: UInt8 = 4
    static let dash: UInt8 = 8
    static let underscore: UInt8 = 16
    static let plus: UInt8 = 32
    static let slash: UInt8 = 64

    static let letter = upper | lower
    static let alphanumeric = upper | lower | digit
    /// The URL-safe base64 alphabet.
    static let base64URL = alphanumeric | dash | underscore
    /// Bytes a random-looking run may contain: both base64 alphabets (without the `=` padding).
    static let run = base64URL | plus | slash

    private static let table: [UInt8] = (0..<256).map { value in
        switch UInt8(value) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return upper
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return lower
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit
        case UInt8(ascii: "-"): return dash
        case UInt8(ascii: "_"): return underscore
        case UInt8(ascii: "+"): return plus
        case UInt8(ascii: "/"): return slash
        default: return 0
        }
    }

    /// First bytes of the shapes ``CredentialShape`` knows.
    private static let shapeStarts: [Bool] = (0..<256).map { value in
        "-Agxsrpew".utf8.contains(UInt8(value))
    }

    @inline(__always)
    static func of(_ byte: UInt8) -> UInt8 { table[Int(byte)] }

    @inline(__always)
    static func isRunByte(_ byte: UInt8) -> Bool { table[Int(byte)] & run != 0 }

    @inline(__always)
    static func mayStartShape(_ byte: UInt8) -> Bool { shapeStarts[Int(byte)] }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    /// Bytes that cannot sit inside a URL as written in text.
    static func endsURL(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "(")
    }
}
