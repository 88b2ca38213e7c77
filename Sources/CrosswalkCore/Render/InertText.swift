/// The characters in untrusted text that act on a display instead of being shown, and the one
/// way Crosswalk makes them visible on a terminal.
///
/// Identity names, owners, catalog titles and the terms an inventory uses are attacker-controlled.
/// Printed raw, a control character can end a line and forge the next one (CR, LF), start a
/// terminal escape sequence that recolours, clears or retitles the terminal (ESC, and C1 such as
/// CSI U+009B and OSC U+009D), and a bidirectional formatting character can make a name read as
/// something else (`invoice` + U+202E + `fdp.js` displays as `invoicesj.pdf`). Every report format
/// and the terminal share this classification: HTML and Markdown replace such characters with
/// U+FFFD, the terminal shows them as escapes (``visible(_:)``).
public enum InertText {
    /// Whether `scalar` is a C0 control (U+0000–U+001F, tab and line feed included), DEL, a C1
    /// control (U+0080–U+009F), a Unicode line or paragraph separator, or a bidirectional
    /// formatting character (``isBidirectionalControl(_:)``).
    public static func isDisplayControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return isBidirectionalControl(scalar)
        }
    }

    /// Appends the character beyond ASCII that starts at byte `index` of the valid UTF-8 `bytes`
    /// to `output`: U+FFFD in place of a display control, or `separator` in place of a line or
    /// paragraph separator when one is given; returns how many bytes the character takes. What the
    /// HTML and Markdown escapers, which go byte by byte, do with every character beyond ASCII.
    static func appendInert(
        characterAt index: Int,
        of bytes: UnsafeBufferPointer<UInt8>,
        to output: inout [UInt8],
        separator: UInt8? = nil
    ) -> Int {
        let lead = bytes[index]
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        if let separator, value == 0x2028 || value == 0x2029 {
            output.append(separator)
        } else if let scalar = Unicode.Scalar(value), isDisplayControl(scalar) {
            output.append(contentsOf: "\u{FFFD}".utf8)
        } else {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
        }
        return length
    }

    /// Whether `scalar` changes the direction text is displayed in: the embeddings and overrides
    /// U+202A–U+202E, the isolates U+2066–U+2069, and the marks U+200E, U+200F and U+061C.
    public static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// `text` with every display control written as a Swift-style escape (ESC as `\u{1B}`, a line
    /// feed as `\u{0A}`), so that printing it can neither start a new line nor send a terminal
    /// escape sequence. Everything else, including a backslash, is kept as it is.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isDisplayControl) else { return text }
        var output = String.UnicodeScalarView()
        output.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            if isDisplayControl(scalar) {
                output.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// JSON text with every display control inside its strings written as a `\uXXXX` escape.
    ///
    /// A JSON encoder already escapes the C0 controls inside strings but leaves DEL, C1 and the
    /// bidirectional characters raw; outside strings, valid JSON holds only the white space of its
    /// layout. So this escapes DEL, C1, the separators and the bidirectional characters wherever
    /// they occur, which is always inside a string, and the result parses to the same value.
    public static func visibleJSON(_ json: String) -> String {
        var output = String.UnicodeScalarView()
        output.reserveCapacity(json.unicodeScalars.count)
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x20, isDisplayControl(scalar) {
                output.append(contentsOf: ("\\u" + hexDigits(scalar.value, width: 4)).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// `\u{1B}`: the scalar's hexadecimal value, upper case, at least two digits.
    private static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + hexDigits(scalar.value, width: 2) + "}"
    }

    private static func hexDigits(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
