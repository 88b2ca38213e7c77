/// Turns free text into the restricted OSCAL data types the export needs: tokens (ids of targets
/// and selected controls), property values (no line breaks, no surrounding white space) and URI
/// references (back-matter links). Free-text fields (titles, descriptions) keep the text as it is:
/// ``OSCALJSONWriter`` escapes it.
enum OSCALText {
    /// `text` as an OSCAL token: every character a token may not hold becomes `_`, and `_` is put
    /// in front when the first character may not start one (`GOVERN 1.1` → `GOVERN_1.1`).
    static func token(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 1)
        for scalar in text.unicodeScalars {
            if result.unicodeScalars.isEmpty && !isTokenStart(scalar) {
                result.unicodeScalars.append("_")
                if isTokenPart(scalar) {
                    result.unicodeScalars.append(scalar)
                    continue
                }
            }
            result.unicodeScalars.append(isTokenPart(scalar) ? scalar : "_")
        }
        return result.isEmpty ? "_" : result
    }

    /// `text` as a property value (`^\S(.*\S)?$`): control characters and line or paragraph
    /// separators become spaces and surrounding white space goes; nil when nothing is left.
    static func propertyValue(_ text: String) -> String? {
        if isPlainPropertyValue(text) { return text }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isBreak = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
            scalars.append(isBreak ? " " : scalar)
        }
        // Trimmed by scalar, not by character: a blank followed by a combining mark is one
        // character but still starts with white space.
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return nil }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }

    /// Whether `text` is printable ASCII without surrounding blanks: a property value as it is
    /// (ids, statuses, most owners), checked without building a copy.
    private static func isPlainPropertyValue(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        return bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// A file path as a relative URI reference: every byte but unreserved characters and `/` is
    /// percent-encoded, so a path can never read as a scheme, a query or a fragment.
    static func uriReference(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%"
                result.append(hexDigits[Int(byte >> 4)])
                result.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// A media type for an input file, from its extension.
    static func mediaType(_ path: String) -> String? {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return "application/json" }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return "application/jsonl" }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return "application/yaml" }
        if lower.hasSuffix(".csv") { return "text/csv" }
        return nil
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")

    /// The characters that may start an OSCAL token (the XML NCName start characters).
    private static func isTokenStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
            0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD:
            return true
        default: return false
        }
    }

    /// The characters that may follow in an OSCAL token.
    private static func isTokenPart(_ scalar: Unicode.Scalar) -> Bool {
        if isTokenStart(scalar) { return true }
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }
}
