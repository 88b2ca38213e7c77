/// Escaping for untrusted text placed in HTML: the one function behind the HTML templates' values
/// (``HTMLContentType``) and the inline SVG Crosswalk builds itself (the charts), so both escape
/// alike.
///
/// Identity names, catalog titles and evidence are attacker-controlled. After escaping they can
/// neither open or close an element (`<`, `>`, `</style>`), start a character reference (`&`),
/// nor leave a quoted attribute value (`"`, `'`). Tab and line feed are kept; a carriage return
/// becomes a line feed; every other display control of ``InertText`` (NUL, ESC, the other C0 and
/// C1 controls, DEL, and the bidirectional characters that could make a name read as something
/// else) becomes U+FFFD.
enum HTMLEscaping {
    /// Escapes `text` for element content and for attribute values in double or single quotes.
    static func escape(_ text: String) -> String {
        var utf8 = text
        return utf8.withUTF8(escapeUTF8)
    }

    /// ``escape(_:)`` byte by byte over a text's UTF-8: the rules of ``escapeScalars(_:)``, which a
    /// test checks on every short text of the characters that matter. The HTML reports escape
    /// every value they show, and going scalar by scalar through a string cost hundreds of
    /// instructions per character.
    static func escapeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x80...:
                // Kept, unless it changes how text displays.
                index += InertText.appendInert(characterAt: index, of: bytes, to: &output)
                continue
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A: output.append(byte)
            case 0x0D: output.append(0x0A)
            case 0x00...0x1F, 0x7F: output.append(contentsOf: "\u{FFFD}".utf8)
            default: output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// ``escape(_:)`` scalar by scalar: the reference ``escapeUTF8(_:)`` is tested against.
    static func escapeScalars(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        output.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output.append(contentsOf: "&amp;".unicodeScalars)
            case "<": output.append(contentsOf: "&lt;".unicodeScalars)
            case ">": output.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": output.append(contentsOf: "&quot;".unicodeScalars)
            case "'": output.append(contentsOf: "&#39;".unicodeScalars)
            case "\t", "\n": output.append(scalar)
            case "\r": output.append("\n")
            case _ where InertText.isDisplayControl(scalar):
                output.append("\u{FFFD}")
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// A fragment identifier (`id` and `#` link target) for `id`, unique per id and made of
    /// letters, digits, `-` and `.` only: any other character becomes `_` and its UTF-8 bytes in
    /// hexadecimal (`GOVERN 1.6` → `GOVERN_20_1.6`), so distinct ids never share an anchor.
    static func anchor(_ prefix: String, _ id: String) -> String {
        prefix + "-" + fragment(id)
    }

    /// The anchor of entry `entryID` of catalog `catalogID`: `entry-`, both ids encoded as in
    /// ``anchor(_:_:)``, joined by `~` (which the encoding never produces).
    static func entryAnchor(catalogID: String, entryID: String) -> String {
        "entry-" + fragment(catalogID) + "~" + fragment(entryID)
    }

    private static func fragment(_ id: String) -> String {
        var output = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "_" + hexDigits(byte) + "_"
            }
        }
        return output
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// Shortens `text` to at most `limit` characters, ending with `…` when cut. Cut before
    /// escaping, so an entity is never split.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
