/// Writes the OSCAL export's JSON as it goes, in blocks (through an ``ExportByteBuffer``).
///
/// Layout: a container opened with `lines: true` puts each member on a line of its own, indented
/// by two spaces a level; any other container, and everything inside it, stays on one line. The
/// export opens its big lists (observations, findings, risks, resources) with lines and their
/// items without, so each observation is one line.
///
/// Strings escape `"`, `\`, every C0 control character, DEL and the C1 controls; they also escape
/// the line and paragraph separators (U+2028, U+2029) and the bidirectional controls (U+061C,
/// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) as `\uXXXX`, so the file shows no hidden line
/// breaks or reordered text in an editor while a JSON reader still gets the text as it was.
final class OSCALJSONWriter {
    private let out: ExportByteBuffer
    /// Open containers, innermost last: whether each is an array, has members, breaks lines.
    private var open: [(isArray: Bool, hasMembers: Bool, lines: Bool)] = []

    init(sink: any ReportSink) {
        out = ExportByteBuffer(sink: sink)
    }

    /// Opens the document's outer object.
    func beginDocument() {
        out.append(UInt8(ascii: "{"))
        open.append((false, false, true))
    }

    /// Closes the outer object, ends the last line and writes what is buffered.
    func endDocument() throws {
        close(UInt8(ascii: "}"))
        out.append(0x0A)
        try out.flush()
    }

    func beginObject(_ key: String? = nil, lines: Bool = false) {
        member(key)
        out.append(UInt8(ascii: "{"))
        open.append((false, false, lines && (open.last?.lines ?? true)))
    }

    func endObject() { close(UInt8(ascii: "}")) }

    func beginArray(_ key: String? = nil, lines: Bool = false) {
        member(key)
        out.append(UInt8(ascii: "["))
        open.append((true, false, lines && (open.last?.lines ?? true)))
    }

    func endArray() { close(UInt8(ascii: "]")) }

    /// A string member (or array item when `key` is nil); nothing when `value` is nil.
    func string(_ key: String?, _ value: String?) {
        guard let value else { return }
        member(key)
        string(value)
    }

    /// A property object `{"name", "ns", "value"}` in Crosswalk's namespace; nothing when
    /// `value` has no characters a property value may hold.
    func property(_ name: String, _ value: String?) {
        guard let value = value.flatMap(OSCALText.propertyValue) else { return }
        beginObject()
        string("name", name)
        member("ns")
        out.append(Self.namespaceString)
        string("value", value)
        endObject()
    }

    /// `origins` with one actor: the tool component `uuid` (Crosswalk), which produced every
    /// observation, risk and finding.
    func toolOrigin(_ uuid: String) {
        beginArray("origins")
        beginObject()
        beginArray("actors")
        beginObject()
        string("type", "tool")
        string("actor-uuid", uuid)
        endObject()
        endArray()
        endObject()
        endArray()
    }

    /// The namespace as a JSON string, written as it is in every property (it needs no escape).
    private static let namespaceString = Array("\"\(OSCALUUID.namespace)\"".utf8)

    /// Hands full blocks to the sink; call between items of a long list.
    func flushIfFull() throws { try out.flushIfFull() }

    private func member(_ key: String?) {
        guard let last = open.indices.last else { return }
        if open[last].hasMembers { out.append(UInt8(ascii: ",")) }
        open[last].hasMembers = true
        if open[last].lines { newline(depth: open.count) }
        if !open[last].isArray, let key {
            string(key)
            out.append(UInt8(ascii: ":"))
        }
    }

    private func close(_ bracket: UInt8) {
        let closed = open.removeLast()
        if closed.lines && closed.hasMembers { newline(depth: open.count) }
        out.append(bracket)
    }

    private func newline(depth: Int) {
        out.append(0x0A)
        for _ in 0..<depth { out.append(0x20); out.append(0x20) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `\u` and four hex digits for a scalar below U+10000.
    private func escape(_ scalar: UInt32) {
        out.append("\\u")
        for shift in [12, 8, 4, 0] { out.append(Self.hexDigits[Int((scalar >> UInt32(shift)) & 0x0F)]) }
    }

    /// The scalar a multi-byte sequence starting at `index` must be written as an escape, if any:
    /// C1 controls, U+061C, U+200E/F, U+2028–U+202E, U+2066–U+2069.
    private static func escapedScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        if lead == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
            return (UInt32(bytes[index + 1]), 2)
        }
        if lead == 0xD8, index + 1 < bytes.count, bytes[index + 1] == 0x9C { return (0x061C, 2) }
        guard lead == 0xE2, index + 2 < bytes.count else { return nil }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        let scalar = 0x2000 | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
        switch (second, third) {
        case (0x80, 0x8E), (0x80, 0x8F), (0x80, 0xA8...0xAE), (0x81, 0xA6...0xA9): return (scalar, 3)
        default: return nil
        }
    }

    /// A JSON string; runs of bytes that need no escape are copied at once.
    private func string(_ text: String) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var width = 1
                var escaped: UInt32?
                if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    escaped = UInt32(byte)
                } else if byte >= 0xC2, let (scalar, length) = Self.escapedScalar(bytes, at: index) {
                    escaped = scalar
                    width = length
                }
                guard let scalar = escaped else {
                    index += 1
                    continue
                }
                if start < index { out.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                switch scalar {
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                default: escape(scalar)
                }
                index += width
                start = index
            }
            if start < bytes.count { out.append(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
