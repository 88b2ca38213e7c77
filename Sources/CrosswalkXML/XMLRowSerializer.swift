import CrosswalkCore

/// Serialises one row of the XML report — a record that starts a line of its own at the deepest
/// row level (a result, an identity of the identity table, a framework entry) — into bytes, with
/// exactly the markup and escaping libxml2's writer produces, so that ``XMLExportWriter`` can
/// hand millions of rows to libxml2 as raw text, a block at a time.
///
/// libxml2's writer allocates, escapes and copies once per attribute and per text node; at a
/// million identities those calls made the XML report the slowest part of a run. Everything
/// outside rows (the declaration, the namespace, lists, controls) is still written by libxml2,
/// and the XML schema tests read every row back through libxml2's parser.
///
/// Escaping, as libxml2 does it: in attribute values `&`, `<`, `>` and `"` become entity
/// references and tab, line feed and carriage return become character references; in text `&`,
/// `<`, `>` and `"` become entity references and carriage return `&#13;`. Characters XML 1.0
/// forbids are replaced first (``XMLCharacters/sanitized(_:)``). An element without content is
/// written `<name/>`.
struct XMLRowSerializer {
    /// The rows serialised so far and not yet handed on.
    let bytes = ByteAccumulator(capacity: Self.blockSize + 4096)
    /// The elements open in the current row, innermost last: where each one's name lies in
    /// ``bytes`` (after its `<`), copied from there into its end tag. Positions, not the names
    /// themselves: a row opens and closes a dozen elements, millions of rows at scale, and a stack
    /// of strings retained and released each name every time.
    private var elements: [(start: Int, count: Int)] = []
    /// Whether the innermost element's start tag is still open (attributes may follow).
    private var tagOpen = false

    init() {}

    /// How many bytes of rows are gathered before they are handed on.
    static let blockSize = 1 << 16

    /// Whether a row is being written.
    var inRow: Bool { !elements.isEmpty }

    /// Forgets the rows handed on.
    mutating func clear() { bytes.removeAll() }

    /// Opens an element (the row's own element starts the row, after a line break).
    mutating func start(_ name: some XMLSpelled, lineBreak: Bool = false) {
        closeStartTag()
        if lineBreak { bytes.append(0x0A) }
        bytes.append(UInt8(ascii: "<"))
        let start = bytes.count
        append(name)
        elements.append((start, bytes.count - start))
        tagOpen = true
    }

    /// An attribute of the element just opened; false when its start tag is already closed.
    mutating func attribute(_ name: some XMLSpelled, _ value: String) -> Bool {
        var value = value
        return value.withUTF8 { utf8 in attribute(name) { $0.escapeSanitized(utf8, inAttribute: true) } }
    }

    /// An attribute whose value is UTF-8 `value`; false when the start tag is already closed.
    mutating func attribute(_ name: some XMLSpelled, utf8 value: UnsafeBufferPointer<UInt8>) -> Bool {
        attribute(name) { $0.escapeSanitized(value, inAttribute: true) }
    }

    /// An integer attribute of the element just opened; false when its start tag is closed.
    mutating func attribute(_ name: some XMLSpelled, integer value: Int) -> Bool {
        attribute(name) { $0.bytes.append(decimal: value) }
    }

    /// ` name="…"` with the value `writeValue` appends; false when the start tag is closed.
    private mutating func attribute(_ name: some XMLSpelled, writeValue: (inout Self) -> Void) -> Bool {
        guard tagOpen else { return false }
        bytes.append(0x20)
        append(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        writeValue(&self)
        bytes.append(UInt8(ascii: "\""))
        return true
    }

    /// Character data in the innermost element.
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { text(utf8: $0) }
    }

    /// Character data in the innermost element, from UTF-8 `value`.
    mutating func text(utf8 value: UnsafeBufferPointer<UInt8>) {
        closeStartTag()
        escapeSanitized(value, inAttribute: false)
    }

    /// Closes the innermost element.
    mutating func end() {
        guard let name = elements.popLast() else { return }
        if tagOpen {
            bytes.append(UInt8(ascii: "/"))
            bytes.append(UInt8(ascii: ">"))
            tagOpen = false
        } else {
            bytes.append(UInt8(ascii: "<"))
            bytes.append(UInt8(ascii: "/"))
            bytes.appendCopy(of: name.start..<(name.start + name.count))
            bytes.append(UInt8(ascii: ">"))
        }
    }

    private mutating func closeStartTag() {
        if tagOpen {
            bytes.append(UInt8(ascii: ">"))
            tagOpen = false
        }
    }

    private mutating func append(_ name: some XMLSpelled) {
        if let short = name.xmlShort {
            bytes.append(short)
        } else {
            bytes.append(name.xml)
        }
    }

    /// Appends UTF-8 `text` with forbidden characters replaced and markup escaped, in one pass
    /// over its bytes when it holds no forbidden character (the common case), else again after
    /// ``XMLCharacters/sanitized(_:)``.
    private mutating func escapeSanitized(_ text: UnsafeBufferPointer<UInt8>, inAttribute: Bool) {
        let start = bytes.count
        if !escape(text, inAttribute: inAttribute) {
            bytes.truncate(to: start)
            var sanitized = XMLCharacters.sanitized(String(decoding: text, as: UTF8.self))
            _ = sanitized.withUTF8 { escape($0, inAttribute: inAttribute) }
        }
    }

    /// Appends UTF-8 `utf8` escaped; runs of bytes that need no escape are copied at once. Stops
    /// and returns false at a character XML 1.0 forbids (a C0 control other than tab, line feed
    /// and carriage return, or U+FFFE or U+FFFF).
    @discardableResult
    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>, inAttribute: Bool) -> Bool {
        var start = 0
        var index = 0
        while true {
            // Runs without markup, controls or a possible U+FFFE/U+FFFF are passed a word at a time.
            index = PlainByteRun.end(in: utf8, from: index, specials: (0x26, 0x3C, 0x3E, 0x22, 0xEF))
            guard index < utf8.count else { break }
            let byte = utf8[index]
            index += 1
            let reference: StaticString
            switch byte {
            case UInt8(ascii: "&"): reference = "&amp;"
            case UInt8(ascii: "<"): reference = "&lt;"
            case UInt8(ascii: ">"): reference = "&gt;"
            case UInt8(ascii: "\""): reference = "&quot;"
            case 0x0D: reference = "&#13;"
            case 0x0A: if inAttribute { reference = "&#10;" } else { continue }
            case 0x09: if inAttribute { reference = "&#9;" } else { continue }
            case 0x00..<0x20: return false
            case 0xEF:
                if index + 1 < utf8.count, utf8[index] == 0xBF, utf8[index + 1] & 0xFE == 0xBE { return false }
                continue
            default: continue
            }
            if start < index - 1 { bytes.append(UnsafeBufferPointer(rebasing: utf8[start..<(index - 1)])) }
            reference.withUTF8Buffer { bytes.append($0) }
            start = index
        }
        if start < utf8.count { bytes.append(UnsafeBufferPointer(rebasing: utf8[start..<utf8.count])) }
        return true
    }
}
