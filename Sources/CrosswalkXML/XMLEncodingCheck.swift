import CrosswalkCore

/// Checks that a document given to `crosswalk validate` is UTF-8, as every Crosswalk XML report
/// is, before libxml2 reads it.
///
/// libxml2 would otherwise read UTF-16 and UTF-32 documents with messages that name no position
/// ("Document is empty"), or print to the terminal itself, and would decode a declared legacy
/// encoding such as ISO-8859-1. The problem comes back as one located diagnostic: where the
/// document stops being UTF-8, or where it declares another encoding.
enum XMLEncodingCheck {
    /// The first encoding problem in `bytes`, or nil when the document is UTF-8.
    static func problem(in bytes: [UInt8], file: String) -> Diagnostic? {
        if let wide = wideEncoding(of: bytes) {
            return Diagnostic(
                .error,
                file: file,
                location: SourceLocation(line: 1, column: 1),
                message: "the file is \(wide) text; an XML report is UTF-8"
            )
        }
        if let invalid = firstInvalidUTF8(in: bytes) {
            return Diagnostic(
                .error,
                file: file,
                location: location(of: invalid, in: bytes),
                message: "the file is not valid UTF-8 here; an XML report is UTF-8"
            )
        }
        if let (name, offset) = declaredEncoding(in: bytes), !["utf-8", "utf8"].contains(name.lowercased()) {
            return Diagnostic(
                .error,
                file: file,
                location: location(of: offset, in: bytes),
                message: "the XML declaration names the encoding '\(InertText.visible(name))'; an XML report is UTF-8"
            )
        }
        return nil
    }

    /// `UTF-16` or `UTF-32` when the document starts with their byte order mark or with `<` in
    /// one of their layouts (zero bytes around it).
    private static func wideEncoding(of bytes: [UInt8]) -> String? {
        let start = Array(bytes.prefix(4))
        switch start {
        case [0x00, 0x00, 0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0x00, 0x3C], [0x3C, 0x00, 0x00, 0x00]:
            return "UTF-32"
        default:
            break
        }
        switch start.prefix(2) {
        case [0xFE, 0xFF], [0xFF, 0xFE], [0x00, 0x3C], [0x3C, 0x00]:
            return "UTF-16"
        default:
            return nil
        }
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    private static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// The value of `encoding="…"` in a leading `<?xml …?>` declaration, and its offset.
    private static func declaredEncoding(in bytes: [UInt8]) -> (String, Int)? {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes[bom...].starts(with: Array("<?xml".utf8)) else { return nil }
        guard let end = bytes.indices.dropFirst(bom).first(where: { bytes[$0...].starts(with: Array("?>".utf8)) })
        else { return nil }
        let declaration = Array(bytes[bom..<end])
        let key = Array("encoding".utf8)
        guard let keyStart = declaration.indices.first(where: { declaration[$0...].starts(with: key) }) else {
            return nil
        }
        var index = keyStart + key.count
        while index < declaration.count, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "=")].contains(declaration[index]) {
            index += 1
        }
        guard index < declaration.count,
            declaration[index] == UInt8(ascii: "\"") || declaration[index] == UInt8(ascii: "'")
        else { return nil }
        let quote = declaration[index]
        let valueStart = index + 1
        guard let valueEnd = declaration[valueStart...].firstIndex(of: quote) else { return nil }
        return (String(decoding: declaration[valueStart..<valueEnd], as: UTF8.self), bom + valueStart)
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset`.
    private static func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(line: line, column: column)
    }
}
