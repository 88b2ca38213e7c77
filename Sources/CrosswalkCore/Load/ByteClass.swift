/// ASCII character classes as bit sets, so the secret screen classifies a byte with a few
/// comparisons instead of `Character` work.
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

    /// The class of one byte; a `switch` the compiler turns into a few comparisons (no table
    /// behind a lazily initialised global in the hot loop).
    @inline(__always)
    static func of(_ byte: UInt8) -> UInt8 {
        switch byte {
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

    @inline(__always)
    static func isRunByte(_ byte: UInt8) -> Bool { of(byte) & run != 0 }

    /// Whether the two bytes can open a shape ``CredentialShape`` knows (`AK`, `gh`, `xo`, `sk`,
    /// `ey`, `--`, …), so most positions are ruled out without looking further.
    @inline(__always)
    static func mayStartShape(_ first: UInt8, _ second: UInt8) -> Bool {
        switch (first, second) {
        case (UInt8(ascii: "-"), UInt8(ascii: "-")), (UInt8(ascii: "e"), UInt8(ascii: "y")),
            (UInt8(ascii: "g"), UInt8(ascii: "h")), (UInt8(ascii: "g"), UInt8(ascii: "l")),
            (UInt8(ascii: "x"), UInt8(ascii: "o")), (UInt8(ascii: "x"), UInt8(ascii: "a")),
            (UInt8(ascii: "s"), UInt8(ascii: "k")), (UInt8(ascii: "r"), UInt8(ascii: "k")),
            (UInt8(ascii: "p"), UInt8(ascii: "k")), (UInt8(ascii: "w"), UInt8(ascii: "h")):
            return true
        case (UInt8(ascii: "A"), UInt8(ascii: "K")), (UInt8(ascii: "A"), UInt8(ascii: "S")),
            (UInt8(ascii: "A"), UInt8(ascii: "B")), (UInt8(ascii: "A"), UInt8(ascii: "C")),
            (UInt8(ascii: "A"), UInt8(ascii: "I")):
            return true
        default:
            return false
        }
    }

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
