/// The XML 1.0 character rule for text Crosswalk writes: what may appear in a document, and what
/// takes the place of what may not.
///
/// XML 1.0 allows tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
/// U+10000–U+10FFFF. Identity names, messages and other input text can hold the rest (C0 control
/// characters such as U+0000 or U+0007, and the non-characters U+FFFE and U+FFFF); libxml2's
/// writer passes them through and the document is then not well-formed. Crosswalk replaces each
/// such character with U+FFFD REPLACEMENT CHARACTER before handing text to libxml2, so a report is
/// always well-formed and the position of the bad character stays visible. Unpaired surrogates
/// cannot occur in a Swift `String`. Markup characters (`<`, `&`, `>`, `"`) are escaped by libxml2, and
/// by ``XMLRowSerializer`` exactly as libxml2 does for the rows it writes.
enum XMLCharacters {
    /// What replaces a character XML 1.0 forbids.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether XML 1.0 allows `scalar` in a document.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// `text` with every character XML 1.0 forbids replaced by U+FFFD; `text` itself (no copy) when
    /// it has none, which is the common case and is checked on the UTF-8 bytes.
    static func sanitized(_ text: String) -> String {
        guard containsForbidden(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isAllowed(scalar) ? scalar : replacement)
        }
        return String(scalars)
    }

    /// Whether `text` holds a character XML 1.0 forbids: a C0 control byte other than tab, LF and
    /// CR, or the UTF-8 encoding of U+FFFE (EF BF BE) or U+FFFF (EF BF BF).
    static func containsForbidden(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(containsForbidden) ?? containsForbidden(Array(text.utf8))
    }

    private static func containsForbidden<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
            if byte == 0xEF, index + 2 < end, bytes[index + 1] == 0xBF, bytes[index + 2] & 0xFE == 0xBE {
                return true
            }
            index += 1
        }
        return false
    }
}
